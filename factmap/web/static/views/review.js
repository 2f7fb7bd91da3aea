// Review: uncertain merges to judge (same / different / unsure) and splitting an
// entity's mentions. Writes go to the API, which records the same judgements as the CLI.

import { get, post, sessionInfo, setToken, token } from "./api.js";
import { badge, docHref, el, empty, entityLink, plural, section } from "./dom.js";
import { snippetNodes } from "./entity.js";

const JUDGEMENTS = [["positive", "Same"], ["negative", "Different"], ["unsure", "Unsure"]];

function statsText(stats) {
  if (!stats) return "";
  if (typeof stats === "string") return stats;
  return Object.entries(stats).map(([k, v]) => `${k}: ${v}`).join(", ");
}

function tokenForm(onSaved) {
  const input = el("input", { type: "password", name: "token", autocomplete: "off", placeholder: "token printed by 'factmap serve'", size: 36 });
  const form = el("form", { class: "token-form" },
    el("p", {}, "This server accepts changes only with its write token (printed when it started, or set with --token / FACTMAP_TOKEN)."),
    el("label", {}, "Token ", input), " ", el("button", { type: "submit" }, "Save"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setToken(input.value.trim());
    onSaved();
  });
  return form;
}

/** Run a write; on success show the result and re-render the page. */
async function write(status, path, payload) {
  status.replaceChildren(el("span", { class: "loading" }, "Saving…"));
  try {
    const res = await post(path, payload);
    status.replaceChildren(el("span", { class: "ok", role: "status" }, `Saved. ${statsText(res.stats)}`));
    setTimeout(() => window.dispatchEvent(new HashChangeEvent("hashchange")), 700);
  } catch (err) {
    const denied = err.status === 401 || err.status === 403;
    if (denied) setToken("");
    status.replaceChildren(el("span", { class: "error", role: "alert" }, err.message,
      denied ? " — enter the write token and try again." : ""),
    denied ? tokenForm(() => window.dispatchEvent(new HashChangeEvent("hashchange"))) : null);
  }
}

function example(ex) {
  if (!ex || !ex.doc) return null;
  return el("a", { href: docHref(ex.doc, ex.start, ex.end), class: "example" }, `“${ex.text ?? ""}” in ${ex.doc}`);
}

function sideBox(item, s) {
  return el("div", { class: "side" },
    el("div", {}, item[`${s}_entity`] ? entityLink(item[`${s}_entity`], item[`${s}_name`]) : el("strong", {}, item[`${s}_name`] || item[s])),
    el("div", { class: "muted" }, "key: ", item[s]),
    example(item[`${s}_example`]),
    item[`${s}_entity`] ? el("div", {}, el("a", { href: `#/review?split=${encodeURIComponent(item[`${s}_entity`])}` }, "Split mentions…")) : null);
}

function itemCard(item) {
  const status = el("div", { class: "status" });
  const buttons = JUDGEMENTS.map(([j, label]) => {
    const b = el("button", { type: "button", class: `judge judge-${j}`, dataset: { judgement: j } }, label);
    b.addEventListener("click", () => write(status, "/api/review/decide", { a: item.a, b: item.b, judgement: j }));
    return b;
  });
  return el("article", { class: "card review-item" },
    el("div", { class: "card-head" }, el("strong", {}, item.a_name || item.a), " ↔ ", el("strong", {}, item.b_name || item.b)),
    el("p", {}, item.reason || "", item.score !== undefined ? el("span", { class: "muted" }, ` — score ${Number(item.score).toFixed(2)}`) : null,
      item.impact !== undefined ? el("span", { class: "muted" }, ` — affects ${plural(item.impact, "mention")}`) : null),
    el("div", { class: "sides" }, sideBox(item, "a"), sideBox(item, "b")),
    el("div", { class: "buttons" }, "Are these one actor? ", buttons),
    status);
}

async function splitPanel(entityId) {
  const p = await get(`/api/entities/${encodeURIComponent(entityId)}`);
  const status = el("div", { class: "status" });
  const boxes = (p.mentions || []).map((m) => {
    const ref = `${m.doc}:${m.start}-${m.end}`;
    return el("li", {}, el("label", {}, el("input", { type: "checkbox", value: ref }), " ",
      el("span", { class: "snippet" }, snippetNodes(m.snippet ?? m.text, m.text))), " ",
    el("a", { href: docHref(m.doc, m.start, m.end) }, m.doc));
  });
  const button = el("button", { type: "button", class: "judge" }, "Split the selected mentions into a new actor");
  const list = el("ul", { class: "mentions split-list" }, boxes);
  button.addEventListener("click", () => {
    const refs = [...list.querySelectorAll("input:checked")].map((i) => i.value);
    if (!refs.length) {
      status.replaceChildren(el("span", { class: "error" }, "Select at least one mention first."));
      return;
    }
    write(status, "/api/review/split", { entity: p.id, mentions: refs });
  });
  return section(`Split mentions of ${p.name}`,
    el("p", {}, "Tick the mentions that are ", el("em", {}, "not"), " ", entityLink(p.id, p.name), " and split them off. ",
      badge(p.type, p.type)),
    boxes.length ? list : empty("This actor has no mentions."), button, status);
}

/** #/review?split=E12 */
export async function renderReview(ctx) {
  const [session, data] = await Promise.all([sessionInfo(), get("/api/review?limit=50")]);
  const items = data.items || [];
  const page = el("div", { class: "page page-review" }, el("h1", {}, "Review"));
  if (session.write_token_required && !token()) {
    page.append(tokenForm(() => window.dispatchEvent(new HashChangeEvent("hashchange"))));
  } else if (session.write_token_required) {
    const forget = el("button", { type: "button", class: "link-button" }, "forget token");
    forget.addEventListener("click", () => { setToken(""); window.dispatchEvent(new HashChangeEvent("hashchange")); });
    page.append(el("p", { class: "muted" }, "Write token saved for this tab. ", forget));
  }
  const split = ctx.params.get("split");
  if (split) page.append(await splitPanel(split));
  page.append(section(`Uncertain merges (${items.length})`,
    el("p", { class: "muted" }, "Judgements are stored like the CLI's 'factmap review' and replayed on every run."),
    items.length ? items.map(itemCard) : empty("Nothing to review.")));
  return page;
}
