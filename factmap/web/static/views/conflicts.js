// Conflicts: where sources disagree (dates, places, numbers, status ...), both sides with their quotes.

import { get } from "./api.js";
import { badge, el, empty, entityLink, plural, qs, quoteLink } from "./dom.js";

function side(s) {
  const evidence = s.evidence || [];
  return el("div", { class: "side" },
    el("div", { class: "side-value" }, el("strong", {}, s.value ?? "?"),
      s.claimant_name ? el("span", { class: "muted" }, ` — according to ${s.claimant_name}`) : null,
      el("span", { class: "muted" }, ` (${plural((s.documents || []).length, "document")})`)),
    evidence.map(quoteLink));
}

/** One conflict record as a card. */
export function conflictCard(c) {
  return el("article", { class: "card conflict" },
    el("div", { class: "card-head" }, badge(c.kind || "conflict", "conflict"), " ",
      c.subject ? entityLink(c.subject, c.subject_name) : null,
      c.between_claimants ? badge("between claimants", "disputed") : null),
    el("p", { class: "summary" }, c.summary || ""),
    el("div", { class: "sides" }, (c.sides || []).map(side)));
}

/** #/conflicts?entity=E1 */
export async function renderConflicts({ params }) {
  const entity = params.get("entity") || "";
  const data = await get(`/api/conflicts${qs({ entity })}`);
  const list = data.conflicts || [];
  const groups = new Map();
  for (const c of list) {
    const k = c.kind || "other";
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(c);
  }
  return el("div", { class: "page page-conflicts" },
    el("h1", {}, "Conflicts", entity ? el("span", { class: "muted" }, ` involving ${entity}`) : null),
    el("p", { class: "muted" }, `${plural(list.length, "disagreement")} between sources.`),
    list.length ? null : empty("No conflicts found."),
    [...groups.entries()].map(([kind, cs]) => el("section", { class: "panel" },
      el("h2", {}, `${kind} (${cs.length})`), cs.map(conflictCard))));
}
