// Map: events at their geocoded places over an offline base map of country outlines
// (Natural Earth 1:110m, public domain, vendored). Equirectangular projection:
// SVG x = longitude, y = -latitude; zoom with the wheel, pan by dragging.

import { get } from "./api.js";
import { badge, docHref, el, empty, entityLink, plural, qs, replace, svg } from "./dom.js";
import { EVENT_TYPES } from "./timeline.js";

const WORLD = { x: -180, y: -90, w: 360, h: 180 };
const MARKER_PX = 6;
let countries = null;

async function loadCountries() {
  if (!countries) {
    countries = get("/static/vendor/countries-110m.geojson").catch((err) => {
      countries = null;
      throw err;
    });
  }
  return countries;
}

const fmt = (n) => (Math.round(n * 100) / 100).toString();

/** SVG path data for a GeoJSON Polygon / MultiPolygon (x = lon, y = -lat). */
export function pathData(geometry) {
  if (!geometry) return "";
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polys.map((rings) => rings.map((ring) => ring.map(([lon, lat], i) => `${i ? "L" : "M"}${fmt(lon)},${fmt(-lat)}`).join("") + "Z").join("")).join("");
}

/** Events grouped by place (one marker per place). */
export function placeGroups(events) {
  const groups = new Map();
  for (const ev of events) {
    const p = ev.place;
    if (!p || typeof p.lat !== "number" || typeof p.lon !== "number") continue;
    const key = p.id || `${p.lat},${p.lon}`;
    if (!groups.has(key)) groups.set(key, { place: p, events: [] });
    groups.get(key).events.push(ev);
  }
  return [...groups.values()];
}

function initialView(groups) {
  if (!groups.length) return { ...WORLD };
  const lons = groups.map((g) => g.place.lon);
  const lats = groups.map((g) => -g.place.lat);
  let x0 = Math.min(...lons); let x1 = Math.max(...lons);
  let y0 = Math.min(...lats); let y1 = Math.max(...lats);
  const pad = Math.max(6, (x1 - x0) * 0.3, (y1 - y0) * 0.3);
  x0 -= pad; x1 += pad; y0 -= pad; y1 += pad;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function popupContent(group, close) {
  const closeBtn = el("button", { type: "button", class: "popup-close", "aria-label": "close" }, "×");
  closeBtn.addEventListener("click", close);
  return [closeBtn,
    el("h3", {}, group.place.name || "place", group.place.country ? el("span", { class: "muted" }, ` (${group.place.country})`) : null),
    el("p", { class: "muted" }, plural(group.events.length, "event")),
    el("ul", {}, group.events.map((ev) => el("li", {},
      el("strong", {}, ev.date || "undated"), " ", badge(ev.type || "event", "event"), " ",
      (ev.participants || []).flatMap((p, i) => [i ? ", " : "", entityLink(p.id, p.name)]),
      ev.doc ? el("div", {}, el("a", { href: docHref(ev.doc, ev.start, ev.end) }, ev.quote ? `“${ev.quote}”` : `evidence in ${ev.doc}`)) : null)))];
}

function filterForm(params) {
  const type = el("select", { name: "type" }, el("option", { value: "" }, "all types"),
    EVENT_TYPES.map((t) => el("option", { value: t, selected: params.get("type") === t }, t)));
  const input = (name, label, attrs) => el("label", {}, label, " ", el("input", { name, value: params.get(name) || "", ...attrs }));
  const form = el("form", { class: "filters" }, el("label", {}, "Type ", type),
    input("entity", "Entity id", { placeholder: "E12", size: 6 }), input("from", "From", { placeholder: "2023", size: 9 }),
    input("to", "To", { placeholder: "2024-06", size: 9 }), el("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = `#/map${qs(Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v).trim()])))}`;
  });
  return form;
}

/** #/map?type=&entity=&from=&to= */
export async function renderMap({ params }) {
  const filters = { entity: params.get("entity"), type: params.get("type"), from: params.get("from"), to: params.get("to") };
  const [data, world] = await Promise.all([get(`/api/map${qs(filters)}`), loadCountries()]);
  const events = data.events || [];
  const groups = placeGroups(events);
  const view = initialView(groups);
  const land = svg("g", { class: "land" }, (world.features || []).map((f) =>
    svg("path", { d: pathData(f.geometry), class: "country" }, svg("title", {}, (f.properties && f.properties.name) || ""))));
  const grid = svg("g", { class: "graticule" },
    [-60, -30, 0, 30, 60].map((lat) => svg("line", { x1: -180, x2: 180, y1: -lat, y2: -lat })),
    [-120, -60, 0, 60, 120].map((lon) => svg("line", { x1: lon, x2: lon, y1: -90, y2: 90 })));
  const markers = svg("g", { class: "markers" });
  const map = svg("svg", { class: "map-svg", role: "img", "aria-label": "map of events", preserveAspectRatio: "xMidYMid meet" },
    svg("rect", { x: -180, y: -90, width: 360, height: 180, class: "sea" }), grid, land, markers);
  const popup = el("div", { class: "popup hidden", role: "dialog" });
  const box = el("div", { class: "map-box" }, map, popup);
  const closePopup = () => popup.classList.add("hidden");

  const circles = groups.map((g) => {
    const c = svg("circle", { cx: g.place.lon, cy: -g.place.lat, class: "marker", tabindex: 0 },
      svg("title", {}, `${g.place.name}: ${plural(g.events.length, "event")}`));
    c.addEventListener("click", (ev) => {
      ev.stopPropagation();
      replace(popup, ...popupContent(g, closePopup));
      const r = box.getBoundingClientRect();
      popup.style.left = `${Math.min(ev.clientX - r.left + 8, r.width - 320)}px`;
      popup.style.top = `${Math.max(0, ev.clientY - r.top - 20)}px`;
      popup.classList.remove("hidden");
    });
    markers.append(c);
    return [c, g];
  });

  function apply() {
    map.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    const px = map.getBoundingClientRect();
    const scale = px.width ? Math.max(view.w / px.width, view.h / px.height) : view.w / 1000;
    for (const [c, g] of circles) c.setAttribute("r", String(scale * MARKER_PX * Math.sqrt(g.events.length)));
    land.setAttribute("stroke-width", String(scale * 0.8));
    grid.setAttribute("stroke-width", String(scale * 0.5));
    markers.setAttribute("stroke-width", String(scale * 1.2));
  }

  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = map.getBoundingClientRect();
    const k = ev.deltaY > 0 ? 1.25 : 0.8;
    const nw = Math.min(720, Math.max(0.5, view.w * k));
    const f = nw / view.w;
    const scale = Math.max(view.w / r.width, view.h / r.height);
    const ox = view.x + (view.w - r.width * scale) / 2;
    const oy = view.y + (view.h - r.height * scale) / 2;
    const cx = ox + (ev.clientX - r.left) * scale;
    const cy = oy + (ev.clientY - r.top) * scale;
    view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f;
    view.w *= f; view.h *= f;
    apply();
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", (ev) => {
    if (ev.target.classList && ev.target.classList.contains("marker")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
    map.setPointerCapture(ev.pointerId);
    map.classList.add("dragging");
  });
  map.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const r = map.getBoundingClientRect();
    const scale = Math.max(view.w / r.width, view.h / r.height);
    view.x = drag.vx - (ev.clientX - drag.x) * scale;
    view.y = drag.vy - (ev.clientY - drag.y) * scale;
    apply();
  });
  const stop = () => { drag = null; map.classList.remove("dragging"); };
  map.addEventListener("pointerup", stop);
  map.addEventListener("pointercancel", stop);
  map.addEventListener("click", (ev) => { if (!(ev.target.classList && ev.target.classList.contains("marker"))) closePopup(); });

  const resetBtn = el("button", { type: "button" }, "Reset view");
  resetBtn.addEventListener("click", () => { Object.assign(view, initialView(groups)); apply(); });
  const worldBtn = el("button", { type: "button" }, "Whole world");
  worldBtn.addEventListener("click", () => { Object.assign(view, WORLD); apply(); });

  const page = el("div", { class: "page page-map" },
    el("div", { class: "page-head" }, el("h1", {}, "Map"), el("div", { class: "actions" }, resetBtn, worldBtn)),
    filterForm(params),
    el("p", { class: "muted" }, `${plural(events.length, "event")} at ${plural(groups.length, "place")}`,
      ` · ${plural(data.ungeocoded || 0, "event")} without a known place (not shown; see the `,
      el("a", { href: `#/timeline${qs(filters)}` }, "timeline"), ")"),
    events.length ? null : empty("No geocoded events match these filters."),
    box,
    el("p", { class: "muted small" }, "Base map: Natural Earth country outlines (public domain). Marker size grows with the number of events."));
  page.onShown = apply;
  return page;
}
