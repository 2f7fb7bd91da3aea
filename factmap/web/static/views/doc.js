// Evidence view: one article's cleaned text, the quote highlighted, mentions linked.
// The text is raw, untrusted data: it is only ever inserted as text nodes.

import { get } from "./api.js";
import { badge, el, empty, entityHref, externalLink, plural } from "./dom.js";

/** [start, end) ranges of paragraphs: the text split on blank lines (offsets kept). */
export function paragraphs(text) {
  const out = [];
  const re = /\n[ \t\r]*\n\s*/g;
  let pos = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > pos) out.push([pos, m.index]);
    pos = m.index + m[0].length;
  }
  if (pos < text.length) out.push([pos, text.length]);
  return out;
}

/** The offsets inside [a, b) where rendering changes (quote and mention edges). */
function cuts(a, b, quote, mentions) {
  const points = new Set([a, b]);
  const add = (x) => { if (x > a && x < b) points.add(x); };
  if (quote) { add(quote[0]); add(quote[1]); }
  for (const m of mentions) { add(m.start); add(m.end); }
  return [...points].sort((x, y) => x - y);
}

/** One paragraph as DOM: text nodes, mention links, and the quote in <mark>. */
function paragraph(text, a, b, quote, mentions, state) {
  const p = el("p");
  const inside = mentions.filter((m) => m.end > a && m.start < b);
  const pts = cuts(a, b, quote, inside);
  let mark = null;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [s, e] = [pts[i], pts[i + 1]];
    const piece = document.createTextNode(text.slice(s, e));
    const m = inside.find((x) => x.start <= s && x.end >= e);
    const node = m && m.entity
      ? el("a", { href: entityHref(m.entity), class: `mention mention-${String(m.type || "").replace(/[^a-z]/g, "")}`, title: `${m.entity} (${m.type || "mention"})` }, piece)
      : piece;
    const inQuote = quote && s >= quote[0] && e <= quote[1];
    if (inQuote) {
      if (!mark) {
        mark = el("mark", { class: "quote-mark" });
        if (!state.marked) { mark.id = "quote"; state.marked = true; }
        p.append(mark);
      }
      mark.append(node);
    } else {
      mark = null;
      p.append(node);
    }
  }
  return p;
}

/** The article body: paragraphs with the highlighted range and mention links. */
export function articleBody(text, quote, mentions) {
  const state = { marked: false };
  const body = el("div", { class: "article-text" });
  const sorted = [...(mentions || [])].filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end)).sort((x, y) => x.start - y.start);
  for (const [a, b] of paragraphs(text)) body.append(paragraph(text, a, b, quote, sorted, state));
  return body;
}

function parseRange(params, length) {
  const s = params.get("start");
  const e = params.get("end");
  if (s === null || e === null) return { range: null, problem: null };
  const start = Number(s);
  const end = Number(e);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
    return { range: null, problem: `the quote range ${s}–${e} is not inside this article (${length} characters); showing the whole text` };
  }
  return { range: [start, end], problem: null };
}

function copyGroup(doc) {
  const g = doc.copy_group;
  if (!g || !(g.members || []).length) return null;
  return el("div", { class: "copy-group" },
    el("strong", {}, "Copies of one story: "),
    el("ul", {}, g.members.map((m) => el("li", {},
      m.id === doc.id ? el("span", {}, m.title || m.id, " (this article)") : el("a", { href: `#/doc/${encodeURIComponent(m.id)}` }, m.title || m.id),
      el("span", { class: "muted" }, [m.publisher, m.similarity !== undefined && m.similarity !== null ? `similarity ${Number(m.similarity).toFixed(2)}` : null].filter(Boolean).map((x) => ` — ${x}`).join(""))))));
}

/** #/doc/ID?start=S&end=E */
export async function renderDoc({ args, params }) {
  const id = args[0];
  if (!id) throw new Error("no document id in the address: open a document from a quote");
  const doc = await get(`/api/documents/${encodeURIComponent(id)}`);
  const text = typeof doc.text === "string" ? doc.text : "";
  const { range, problem } = parseRange(params, text.length);
  const source = doc.url || doc.source;
  const page = el("div", { class: "page page-doc" },
    el("h1", {}, doc.title || doc.id),
    el("dl", { class: "doc-meta" },
      el("dt", {}, "Document"), el("dd", {}, doc.id),
      el("dt", {}, "Publisher"), el("dd", {}, doc.publisher || "unknown"),
      el("dt", {}, "Published"), el("dd", {}, doc.published || "unknown"),
      el("dt", {}, "Source"), el("dd", {}, externalLink(source, source || "unknown")),
      doc.lang ? [el("dt", {}, "Language"), el("dd", {}, doc.lang)] : null),
    copyGroup(doc),
    problem ? el("p", { class: "warning", role: "status" }, problem) : null,
    range ? el("p", { class: "quote-info" }, badge("quote", "quote"), ` characters ${range[0]}–${range[1]} highlighted below · `,
      el("a", { href: "#quote", class: "jump" }, "jump to it")) : null,
    el("p", { class: "muted" }, `${plural((doc.mentions || []).length, "mention")} underlined; click one to open its actor.`),
    text ? articleBody(text, range, doc.mentions) : empty("This document has no text."));
  const jump = page.querySelector("a.jump");
  const scroll = () => {
    const mark = document.getElementById("quote");
    if (mark) mark.scrollIntoView({ block: "center" });
  };
  if (jump) jump.addEventListener("click", (ev) => { ev.preventDefault(); scroll(); });
  page.onShown = scroll;
  return page;
}
