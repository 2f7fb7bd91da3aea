// Timeline: merged events in date order, grouped by year and month; undated apart.

import { get } from "./api.js";
import { badge, el, empty, entityLink, plural, qs, quoteLink } from "./dom.js";

export const EVENT_TYPES = ["meeting", "agreement_signed", "press_conference", "raid", "attack", "battle",
  "sabotage", "formation", "election", "assassination", "other"];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

function people(list) {
  const items = (list || []).map((p) => (typeof p === "string" ? { id: p, name: p } : p));
  return items.flatMap((p, i) => [i ? ", " : "", entityLink(p.id, p.name)]);
}

/** Quotes of an event: merged events have `quotes`, plain event records one quote. */
function eventQuotes(ev) {
  if (Array.isArray(ev.quotes)) return ev.quotes;
  return ev.doc ? [{ doc: ev.doc, start: ev.start, end: ev.end, quote: ev.quote }] : [];
}

function eventPlaces(ev) {
  if (Array.isArray(ev.places) && ev.places.length) return ev.places;
  if (ev.place && typeof ev.place === "object") return [ev.place];
  if (ev.place) return [{ id: ev.place, name: ev.place_name || ev.place }];
  return [];
}

function eventParticipants(ev) {
  const ps = ev.participants || [];
  if (ps.length && typeof ps[0] === "string" && Array.isArray(ev.participant_names)) {
    return ps.map((id, i) => ({ id, name: ev.participant_names[i] || id }));
  }
  return ps;
}

/** One event (merged or single) as a card; `compact` shows only the first quote. */
export function eventCard(ev, compact = false) {
  const quotes = eventQuotes(ev);
  const places = eventPlaces(ev);
  const dates = (ev.dates || []).filter((d) => d !== ev.date);
  const parts = eventParticipants(ev);
  return el("article", { class: "card event" },
    el("div", { class: "card-head" },
      el("span", { class: "event-date" }, ev.date || "undated"), " ", badge(ev.type || "event", "event"),
      dates.length ? badge(`also dated ${dates.join(", ")}`, "disputed") : null,
      ev.independent_sources !== undefined ? el("span", { class: "muted" }, ` ${plural(ev.independent_sources, "independent source")}`) : null),
    parts.length ? el("div", {}, "Participants: ", people(parts)) : null,
    places.length ? el("div", {}, "Place: ", people(places)) : null,
    compact ? quoteLink(quotes[0]) : quotes.map(quoteLink),
    compact && quotes.length > 1 ? el("div", { class: "muted" }, `+ ${plural(quotes.length - 1, "more quote")}`) : null);
}

function monthKey(date) {
  return date && date.length >= 7 ? date.slice(0, 7) : null;
}

function grouped(events) {
  const years = new Map();
  for (const ev of events) {
    const y = ev.date.slice(0, 4);
    if (!years.has(y)) years.set(y, new Map());
    const m = monthKey(ev.date) || "";
    const months = years.get(y);
    if (!months.has(m)) months.set(m, []);
    months.get(m).push(ev);
  }
  return [...years.entries()].map(([y, months]) => el("section", { class: "panel year" },
    el("h2", {}, y),
    [...months.entries()].map(([m, evs]) => el("div", { class: "month" },
      el("h3", {}, m ? MONTHS[Number(m.slice(5, 7)) - 1] || m : "month not stated"),
      evs.map((ev) => eventCard(ev))))));
}

function filterForm(params) {
  const field = (name, label, attrs = {}) => el("label", {}, label, " ",
    el("input", { name, value: params.get(name) || "", ...attrs }));
  const type = el("select", { name: "type" }, el("option", { value: "" }, "all types"),
    EVENT_TYPES.map((t) => el("option", { value: t, selected: params.get("type") === t }, t)));
  const form = el("form", { class: "filters" },
    el("label", {}, "Type ", type),
    field("entity", "Entity id", { placeholder: "E12", size: 6 }),
    field("from", "From", { placeholder: "2023 or 2023-05", size: 10 }),
    field("to", "To", { placeholder: "2024-06", size: 10 }),
    el("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = `#/timeline${qs(Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v).trim()])))}`;
  });
  return form;
}

/** #/timeline?type=&entity=&from=&to= */
export async function renderTimeline({ params }) {
  const filters = { entity: params.get("entity"), type: params.get("type"), from: params.get("from"), to: params.get("to") };
  const data = await get(`/api/events${qs(filters)}`);
  const events = data.events || [];
  const dated = events.filter((e) => e.date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const undated = events.filter((e) => !e.date);
  return el("div", { class: "page page-timeline" },
    el("h1", {}, "Timeline"),
    filterForm(params),
    el("p", { class: "muted" }, `${plural(events.length, "event")} (${dated.length} dated).`),
    events.length ? null : empty("No events match these filters."),
    grouped(dated),
    undated.length ? el("section", { class: "panel" }, el("h2", {}, "Undated"), undated.map((ev) => eventCard(ev))) : null);
}
