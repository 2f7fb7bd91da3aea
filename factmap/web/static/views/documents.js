// The articles in the store, newest first as the API lists them.

import { get } from "./api.js";
import { el, empty, qs } from "./dom.js";

const PAGE = 100;

/** #/documents?offset=N */
export async function renderDocuments({ params }) {
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const data = await get(`/api/documents${qs({ limit: PAGE, offset })}`);
  const docs = data.documents || [];
  const rows = docs.map((d) => el("tr", {},
    el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(d.id)}` }, d.title || d.id)),
    el("td", {}, d.publisher || ""), el("td", {}, d.published || ""),
    el("td", { class: "num" }, d.n_mentions ?? ""),
    el("td", {}, d.copy_group ? String(typeof d.copy_group === "object" ? d.copy_group.id ?? "" : d.copy_group) : "")));
  const nav = el("p", { class: "pager" },
    offset > 0 ? el("a", { href: `#/documents${qs({ offset: Math.max(0, offset - PAGE) })}` }, "← previous") : null, " ",
    docs.length === PAGE ? el("a", { href: `#/documents${qs({ offset: offset + PAGE })}` }, "next →") : null);
  return el("div", { class: "page page-documents" },
    el("h1", {}, "Documents"),
    docs.length ? el("table", { class: "table" },
      el("thead", {}, el("tr", {}, ["Title", "Publisher", "Published", "Mentions", "Copy group"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)) : empty("No documents."),
    nav);
}
