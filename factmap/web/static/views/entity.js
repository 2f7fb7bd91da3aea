// Entity profile: names, merge reasons, relations by predicate, events, conflicts, mentions.

import { get } from "./api.js";
import { badge, docHref, el, empty, entityLink, plural, quoteLink, section } from "./dom.js";
import { conflictCard } from "./conflicts.js";
import { eventCard } from "./timeline.js";

const MENTIONS_SHOWN = 100;

/** A snippet "left[text]right" from the API as text nodes with the mention in bold. */
export function snippetNodes(snippet, text) {
  const s = String(snippet ?? "");
  const marker = `[${text}]`;
  const i = text ? s.indexOf(marker) : -1;
  if (i < 0) return [s];
  return [s.slice(0, i), el("b", {}, text), s.slice(i + marker.length)];
}

function namesSection(p) {
  const firstMention = new Map();
  for (const m of p.mentions || []) {
    const k = `${m.text}\u0000${m.doc}`;
    if (!firstMention.has(k)) firstMention.set(k, m);
  }
  const rows = (p.names || []).map((n) => el("li", {},
    el("strong", {}, n.name), el("span", { class: "muted" }, ` — ${plural((n.documents || []).length, "document")}: `),
    (n.documents || []).flatMap((d, i) => {
      const m = firstMention.get(`${n.name}\u0000${d}`);
      return [i ? ", " : "", el("a", { href: m ? docHref(d, m.start, m.end) : docHref(d) }, d)];
    })));
  const ext = (p.external_ids || []).map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
  return section("Names and aliases",
    rows.length ? el("ul", { class: "names" }, rows) : empty("No names recorded."),
    ext.length ? el("p", { class: "muted" }, "External ids: ", ext.join(", ")) : null);
}

function evidenceNodes(evidence) {
  if (!evidence) return null;
  if (typeof evidence === "string") return el("span", { class: "muted" }, evidence);
  const list = Array.isArray(evidence) ? evidence : [evidence];
  return list.map((e) => (e && typeof e === "object" && e.doc ? quoteLink(e) : el("span", { class: "muted" }, JSON.stringify(e))));
}

function mergeSection(p) {
  const reasons = p.merge_reasons || [];
  if (!reasons.length) return null;
  return section("Why these names are one actor",
    el("ul", { class: "merge-reasons" }, reasons.map((r) => el("li", {},
      el("strong", {}, r.name ?? ""), " — ", r.reason ?? "",
      r.score !== undefined && r.score !== null ? el("span", { class: "muted" }, ` (score ${Number(r.score).toFixed(2)})`) : null,
      evidenceNodes(r.evidence)))));
}

function claimItem(c) {
  return el("li", { class: "claim" },
    el("a", { href: docHref(c.doc, c.start, c.end), class: "claim-quote" }, `“${c.quote ?? ""}”`),
    el("div", { class: "quote-meta" }, c.doc,
      c.confidence !== undefined ? ` — confidence ${Number(c.confidence).toFixed(2)}` : "",
      c.claimant_name ? ` — claimed by ${c.claimant_name}` : "",
      c.negated ? " " : "", c.negated ? badge("negated", "disputed") : null));
}

function relationItem(r, self) {
  const claims = r.claims || [];
  const other = r.subject === self ? [r.predicate, " ", entityLink(r.object, r.object_name)]
    : [entityLink(r.subject, r.subject_name), " ", r.predicate, " this"];
  const head = el("summary", { class: "relation" },
    el("span", { class: "relation-text" }, ...other), " ",
    badge(plural(r.independent_sources ?? 0, "source"), "sources"),
    r.single_source ? badge("single source", "single") : null,
    r.disputed ? badge("disputed", "disputed") : null,
    el("span", { class: "muted" }, ` ${plural(r.n_claims ?? claims.length, "claim")}`));
  return el("li", {}, el("details", { class: "relation-details" }, head, el("ul", { class: "claims" }, claims.map(claimItem))));
}

function relationsSection(p) {
  const groups = Object.entries(p.relations || {});
  const shown = groups.reduce((n, [, rels]) => n + rels.length, 0);
  return section("Relations",
    p.relations_total > shown ? el("p", { class: "muted" }, `Showing ${shown} of ${p.relations_total} relations.`) : null,
    groups.length ? groups.map(([pred, rels]) => el("div", { class: "predicate-group" },
      el("h3", {}, pred, el("span", { class: "muted" }, ` (${rels.length})`)),
      el("ul", { class: "relations" }, rels.map((r) => relationItem(r, p.id)))))
      : empty("No relations found for this actor."));
}

function eventsSection(p) {
  const evs = [...(Array.isArray(p.merged_events) ? p.merged_events : p.events || [])].sort((a, b) => ((a.date || "9999") < (b.date || "9999") ? -1 : 1));
  return section("Events",
    evs.length ? el("div", { class: "mini-timeline" }, evs.map((ev) => eventCard(ev, true))) : empty("No events."),
    el("p", {}, el("a", { href: `#/timeline?entity=${encodeURIComponent(p.id)}` }, "Open on the timeline")));
}

function conflictsSection(p) {
  const cs = p.conflicts || [];
  if (!cs.length) return null;
  return section(`Conflicts (${cs.length})`, cs.map(conflictCard));
}

function mentionsSection(p) {
  const ms = p.mentions || [];
  const list = el("ul", { class: "mentions" });
  const show = (items) => list.append(...items.map((m) => el("li", {},
    el("a", { href: docHref(m.doc, m.start, m.end) }, m.doc), " ",
    el("span", { class: "snippet" }, snippetNodes(m.snippet ?? m.text, m.text)))));
  show(ms.slice(0, MENTIONS_SHOWN));
  const more = ms.length > MENTIONS_SHOWN
    ? el("button", { type: "button", class: "link-button" }, `Show all ${ms.length} mentions`) : null;
  if (more) more.addEventListener("click", () => { show(ms.slice(MENTIONS_SHOWN)); more.remove(); });
  const total = p.mentions_total ?? ms.length;
  return section(`Mentions (${total})`, ms.length ? list : empty("No mentions."), more,
    total > ms.length ? el("p", { class: "muted" }, `The server sent the first ${ms.length} of ${total} mentions.`) : null);
}

/** #/entity/E12 */
export async function renderEntity({ args }) {
  const id = args[0];
  if (!id) throw new Error("no entity id in the address: open an entity from Search");
  const p = await get(`/api/entities/${encodeURIComponent(id)}`);
  const aliases = (p.aliases || []).filter((a) => a !== p.name);
  return el("div", { class: "page page-entity" },
    el("div", { class: "page-head" },
      el("h1", {}, p.name, " ", badge(p.type, p.type)),
      el("div", { class: "actions" },
        el("a", { class: "button", href: `#/network?focus=${encodeURIComponent(p.id)}` }, "Network"),
        el("a", { class: "button", href: `#/timeline?entity=${encodeURIComponent(p.id)}` }, "Timeline"),
        el("a", { class: "button", href: `#/map?entity=${encodeURIComponent(p.id)}` }, "Map"),
        el("a", { class: "button", href: `#/review?split=${encodeURIComponent(p.id)}` }, "Split mentions…"))),
    el("p", { class: "muted" }, `${p.id} · ${plural(p.n_documents ?? 0, "document")} · ${plural(p.n_mentions ?? 0, "mention")}`,
      aliases.length ? ` · also known as: ${aliases.join(" · ")}` : ""),
    namesSection(p), mergeSection(p), relationsSection(p), eventsSection(p), conflictsSection(p), mentionsSection(p));
}
