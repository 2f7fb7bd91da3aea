// Small DOM helpers shared by every view.
//
// Everything that comes from the API (names, quotes, titles, URLs, article text) is
// untrusted: it only ever reaches the page through text nodes (`textContent`,
// `document.createTextNode`) and `setAttribute` on attributes that cannot run code.
// No HTML string is ever parsed by this app.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Attribute names that must never be set from data (event handlers, inline styles). */
function forbiddenAttribute(name) {
  const n = String(name).toLowerCase();
  return n.startsWith("on") || n === "style" || n === "srcdoc";
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function applyAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    else if (key === "text") node.textContent = String(value);
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else if (key === "dataset") for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
    else if (key === "value" && "value" in node) node.value = String(value);
    else if (key === "checked" || key === "disabled" || key === "selected") node[key] = Boolean(value);
    else if (forbiddenAttribute(key)) throw new Error(`refusing to set attribute ${key}`);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  return node;
}

/** Build an HTML element: el("a", {href: "#/x", class: "c"}, "text", child). */
export function el(tag, attrs = {}, ...children) {
  return append(applyAttrs(document.createElement(tag), attrs), children);
}

/** Build an SVG element (attributes are set with setAttribute). */
export function svg(tag, attrs = {}, ...children) {
  return append(applyAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Remove every child of `node` and append `children`. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** An http(s) URL from data, or null (javascript:, data:, relative paths ... are refused). */
export function httpUrl(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Only in-app hash routes or http(s) URLs may become links. */
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith("#/") || s === "#") return s;
  return httpUrl(s) || "#";
}

/** A link to an outside page: new tab, no opener, no referrer; plain text when the URL is not http(s). */
export function externalLink(url, label) {
  const href = httpUrl(url);
  if (!href) return el("span", { class: "muted" }, label ?? url ?? "");
  return el("a", { href, target: "_blank", rel: "noopener noreferrer" }, label ?? href);
}

/** Query string from an object, skipping empty values. */
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) continue;
    p.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Route to the evidence view of a document, with the quote range highlighted. */
export function docHref(doc, start, end) {
  const range = Number.isInteger(start) && Number.isInteger(end) ? qs({ start, end }) : "";
  return `#/doc/${encodeURIComponent(doc)}${range}`;
}

/** Route to an entity profile. */
export function entityHref(id) {
  return `#/entity/${encodeURIComponent(id)}`;
}

/** A link to an entity (name as text). */
export function entityLink(id, name) {
  if (!id) return el("span", {}, name ?? "");
  return el("a", { href: entityHref(id), class: "entity-link" }, name || id);
}

/** A small coloured badge (entity type, event type, marker). */
export function badge(text, kind = "") {
  return el("span", { class: ["badge", kind && `badge-${String(kind).replace(/[^a-z0-9_-]/gi, "")}`] }, text);
}

/** A quoted piece of evidence linking to the document view. */
export function quoteLink(ev) {
  if (!ev || !ev.doc) return null;
  const meta = [ev.publisher, ev.published].filter(Boolean).join(", ");
  return el(
    "blockquote",
    { class: "quote" },
    el("a", { href: docHref(ev.doc, ev.start, ev.end), title: "Show in the article" }, `“${ev.quote ?? ev.text ?? ""}”`),
    el("div", { class: "quote-meta" }, ev.doc, meta ? ` — ${meta}` : "", ev.claimant_name ? ` — claimed by ${ev.claimant_name}` : ""),
  );
}

export function loading(what = "Loading") {
  return el("p", { class: "loading", role: "status" }, `${what}…`);
}

export function errorBox(err) {
  const msg = err && err.message ? err.message : String(err);
  return el("div", { class: "error", role: "alert" }, el("strong", {}, "Something went wrong: "), msg);
}

export function empty(text) {
  return el("p", { class: "empty" }, text);
}

export function section(title, ...children) {
  return el("section", { class: "panel" }, el("h2", {}, title), ...children);
}

/** "1 document" / "3 documents". */
export function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}
