// Search: names and aliases (typo-tolerant on the server); empty query = most documented.

import { get } from "./api.js";
import { badge, el, empty, entityHref, plural, qs } from "./dom.js";

export const ENTITY_TYPES = ["organization", "person", "location", "agreement", "group"];

function resultItem(r) {
  const aliases = (r.aliases || []).filter((a) => a !== r.name);
  return el(
    "li",
    { class: "result" },
    el("div", { class: "result-head" },
      el("a", { href: entityHref(r.id), class: "result-name" }, r.name),
      " ", badge(r.type, r.type),
      el("span", { class: "muted" }, ` ${plural(r.n_documents ?? 0, "document")}, ${plural(r.n_mentions ?? 0, "mention")}`)),
    r.match && r.match !== r.name ? el("div", { class: "match" }, "matched: ", el("em", {}, r.match)) : null,
    aliases.length ? el("div", { class: "aliases" }, "also: ", aliases.join(" · ")) : null,
  );
}

function statsLine(stats) {
  const parts = ["documents", "entities", "claims", "events", "facts", "conflicts", "review_queue"]
    .filter((k) => stats[k] !== undefined)
    .map((k) => `${stats[k]} ${k.replace("_", " ")}`);
  return el("p", { class: "stats muted" }, "Store: ", parts.join(" · "));
}

/** #/search?q=&type= */
export async function renderSearch({ params }) {
  const q = params.get("q") || "";
  const type = params.get("type") || "";
  const [data, stats] = await Promise.all([
    get(`/api/search${qs({ q, type, limit: 50 })}`),
    q ? Promise.resolve(null) : get("/api/stats").catch(() => null),
  ]);
  const select = el("select", { id: "type-filter", "aria-label": "Entity type" },
    el("option", { value: "" }, "all types"),
    ENTITY_TYPES.map((t) => el("option", { value: t, selected: t === type }, t)));
  select.addEventListener("change", () => {
    location.hash = `#/search${qs({ q, type: select.value })}`;
  });
  const results = data.results || [];
  return el("div", { class: "page page-search" },
    el("div", { class: "page-head" },
      el("h1", {}, q ? `Search: “${q}”` : "Most documented actors"),
      el("label", {}, "Type ", select)),
    stats ? statsLine(stats) : null,
    results.length
      ? el("ol", { class: "results" }, results.map(resultItem))
      : empty(q ? `Nothing matches “${q}”. Try a shorter part of the name.` : "The store is empty: ingest articles with 'factmap ingest PATH'."));
}
