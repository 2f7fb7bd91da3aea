// Network: actors and the relations between them, drawn with Cytoscape.js (vendored,
// loaded on first use). Filters live in the address so a view can be shared.

import { get } from "./api.js";
import { badge, el, empty, entityHref, entityLink, plural, qs, quoteLink, replace, svg } from "./dom.js";
import { ENTITY_TYPES } from "./search.js";

export const PREDICATES = ["leader_of", "member_of", "part_of", "allied_with", "signatory_of", "founded_by",
  "operates_in", "spokesperson_of", "supports", "opposes", "rival_of", "split_from", "claimed_responsibility", "located_in"];

export const TYPE_COLOURS = {
  organization: "#3b6fb6", person: "#e08a1e", location: "#3a9a5b", agreement: "#8e5fb8", group: "#9a6a4f",
};
const OTHER_COLOUR = "#888888";
const DISPUTED_COLOUR = "#c62828";

let cytoscapeLoading = null;

/** Load the vendored Cytoscape.js once (a same-origin script: allowed by the CSP). */
function loadCytoscape() {
  if (window.cytoscape) return Promise.resolve(window.cytoscape);
  if (!cytoscapeLoading) {
    cytoscapeLoading = new Promise((resolve, reject) => {
      const s = el("script", { src: "/static/vendor/cytoscape.min.js" });
      s.addEventListener("load", () => resolve(window.cytoscape));
      s.addEventListener("error", () => {
        cytoscapeLoading = null;
        reject(new Error("could not load the graph library (/static/vendor/cytoscape.min.js)"));
      });
      document.head.append(s);
    });
  }
  return cytoscapeLoading;
}

const STYLE = [
  { selector: "node", style: {
    "background-color": "data(colour)", label: "data(name)", "font-size": 14, color: "#222",
    "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 140,
    "min-zoomed-font-size": 5, width: "mapData(weight, 0, 60, 20, 60)", height: "mapData(weight, 0, 60, 20, 60)",
    "text-background-color": "#ffffff", "text-background-opacity": 0.7, "text-background-padding": 1,
  } },
  { selector: "node[?focus]", style: { "border-width": 4, "border-color": "#222" } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
  { selector: "edge", style: {
    width: "mapData(sources, 1, 8, 1.2, 7)", "line-color": "#9aa3ad", "target-arrow-color": "#9aa3ad",
    "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(predicate)", "font-size": 8,
    color: "#444", "text-rotation": "autorotate", "min-zoomed-font-size": 8,
    "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
  } },
  { selector: "edge[?disputed]", style: { "line-color": DISPUTED_COLOUR, "target-arrow-color": DISPUTED_COLOUR, "line-style": "dashed" } },
  { selector: "edge:selected", style: { "line-color": "#111", "target-arrow-color": "#111" } },
  { selector: ".faded", style: { opacity: 0.12 } },
];

/** Cytoscape elements from the API graph; edges whose ends are missing are dropped. */
export function elements(graph, focus) {
  const ids = new Set((graph.nodes || []).map((n) => n.id));
  const nodes = (graph.nodes || []).map((n) => ({ data: {
    id: n.id, name: n.name || n.id, type: n.type, colour: TYPE_COLOURS[n.type] || OTHER_COLOUR,
    weight: Math.min(60, n.n_mentions || 0), n_mentions: n.n_mentions, n_documents: n.n_documents, focus: n.id === focus,
  } }));
  const edges = (graph.edges || []).filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ data: {
    id: `edge:${e.id}`, fact: e.id, source: e.source, target: e.target, predicate: e.predicate,
    sources: e.independent_sources || 1, disputed: Boolean(e.disputed),
    first_seen: e.first_seen, last_seen: e.last_seen,
  } }));
  return [...nodes, ...edges];
}

function checkboxes(name, values, selected) {
  return el("fieldset", { class: "checks" }, el("legend", {}, name === "types" ? "Entity types" : "Relations"),
    values.map((v) => el("label", {}, el("input", { type: "checkbox", name, value: v, checked: selected.includes(v) }), " ", v)));
}

function filterForm(params, focus) {
  const list = (k) => (params.get(k) || "").split(",").filter(Boolean);
  const input = (name, label, attrs) => el("label", {}, label, " ", el("input", { name, value: params.get(name) || "", ...attrs }));
  const form = el("form", { class: "filters network-filters" },
    checkboxes("types", ENTITY_TYPES, list("types")),
    checkboxes("predicates", PREDICATES, list("predicates")),
    el("div", { class: "filter-row" },
      input("from", "From", { placeholder: "2023", size: 9 }),
      input("to", "To", { placeholder: "2024-06", size: 9 }),
      input("min_sources", "Min. independent sources", { type: "number", min: 1, max: 50, placeholder: "1" }),
      focus ? input("depth", "Depth", { type: "number", min: 1, max: 3, placeholder: "1" })
        : input("limit", "Max. nodes", { type: "number", min: 10, max: 2000, placeholder: "300" }),
      el("button", { type: "submit" }, "Apply"),
      el("a", { href: focus ? `#/network?focus=${encodeURIComponent(focus)}` : "#/network", class: "muted" }, "reset")));
  const active = ["types", "predicates", "from", "to", "min_sources", "depth", "limit"]
    .filter((k) => params.get(k)).map((k) => `${k.replace("_", " ")}: ${params.get(k).replaceAll(",", ", ")}`);
  const box = el("details", { class: "filter-box", open: active.length > 0 },
    el("summary", {}, "Filters", el("span", { class: "muted" }, active.length ? ` — ${active.join(" · ")}` : " — none (click to filter by type, relation, time, sources)")),
    form);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const out = { focus };
    for (const k of ["types", "predicates"]) out[k] = f.getAll(k).map(String);
    for (const k of ["from", "to", "min_sources", "depth", "limit"]) out[k] = String(f.get(k) ?? "").trim();
    location.hash = `#/network${qs(out)}`;
  });
  return box;
}

function legend() {
  const item = (label, colour, dashed) => el("span", { class: "legend-item" },
    svg("svg", { width: 22, height: 12, "aria-hidden": "true" }, dashed === undefined
      ? svg("circle", { cx: 6, cy: 6, r: 5, fill: colour })
      : svg("line", { x1: 0, y1: 6, x2: 22, y2: 6, stroke: colour, "stroke-width": 2, "stroke-dasharray": dashed ? "4 3" : null })),
    label);
  return el("div", { class: "legend" },
    Object.entries(TYPE_COLOURS).map(([t, c]) => item(t, c)),
    item("relation (width = independent sources)", "#9aa3ad", false), item("disputed", DISPUTED_COLOUR, true));
}

function factEvidence(fact) {
  for (const key of ["evidence", "claims", "supporting"]) {
    const v = fact[key];
    if (Array.isArray(v) && v.length && typeof v[0] === "object") return v;
  }
  return fact.strongest ? [fact.strongest] : [];
}

async function showFact(panel, data) {
  replace(panel, el("p", { class: "loading" }, "Loading the fact…"));
  try {
    const fact = await get(`/api/facts/${encodeURIComponent(data.fact)}`);
    const ev = factEvidence(fact);
    replace(panel,
      el("h2", {}, "Relation"),
      el("p", {}, entityLink(fact.subject, fact.subject_name), " ", el("strong", {}, fact.predicate), " ", entityLink(fact.object, fact.object_name)),
      el("p", {}, badge(plural(fact.independent_sources ?? 0, "independent source"), "sources"),
        fact.single_source ? badge("single source", "single") : null, fact.disputed ? badge("disputed", "disputed") : null),
      el("p", { class: "muted" }, [fact.first_seen && `first reported ${fact.first_seen}`, fact.last_seen && `last ${fact.last_seen}`,
        fact.valid_from && `valid from ${fact.valid_from}`, fact.valid_to && `until ${fact.valid_to}`].filter(Boolean).join(" · ")),
      el("h3", {}, `Evidence (${ev.length})`), ev.map(quoteLink));
  } catch (err) {
    replace(panel, el("div", { class: "error" }, err.message));
  }
}

function showNode(panel, node) {
  const d = node.data();
  replace(panel,
    el("h2", {}, d.name), badge(d.type, d.type),
    el("p", { class: "muted" }, `${d.id} · ${plural(d.n_documents ?? 0, "document")} · ${plural(d.n_mentions ?? 0, "mention")} · ${plural(node.connectedEdges().length, "relation")} shown`),
    el("p", {}, el("a", { class: "button", href: entityHref(d.id) }, "Open profile"), " ",
      el("a", { class: "button", href: `#/network?focus=${encodeURIComponent(d.id)}` }, "Neighbourhood")),
    el("ul", { class: "neighbours" }, node.connectedEdges().map((e) => {
      const other = e.source().id() === d.id ? e.target() : e.source();
      const dir = e.source().id() === d.id ? `${e.data("predicate")} →` : `← ${e.data("predicate")}`;
      return el("li", {}, el("span", { class: "muted" }, dir), " ", entityLink(other.id(), other.data("name")));
    })));
}

/** #/network?types=&predicates=&from=&to=&min_sources=&limit=  or  ?focus=E12&depth=1 */
export async function renderNetwork({ params, current }) {
  const focus = params.get("focus") || "";
  const filters = { types: params.get("types"), predicates: params.get("predicates"), from: params.get("from"),
    to: params.get("to"), min_sources: params.get("min_sources") };
  const url = focus
    ? `/api/entities/${encodeURIComponent(focus)}/neighbourhood${qs({ depth: params.get("depth") || 1, ...filters })}`
    : `/api/graph${qs({ ...filters, limit: params.get("limit") || 300 })}`;
  const [graph, cytoscape] = await Promise.all([get(url), loadCytoscape()]);
  const focusNode = (graph.nodes || []).find((n) => n.id === focus);
  const box = el("div", { class: "graph", id: "graph", "aria-label": "network graph" });
  const panel = el("aside", { class: "side-panel" }, el("p", { class: "muted" }, "Click an actor to see its neighbours, or a relation to see its evidence. Scroll to zoom, drag to pan."));
  const page = el("div", { class: "page page-network" },
    el("div", { class: "page-head" },
      el("h1", {}, focus ? ["Neighbourhood of ", focusNode ? entityLink(focus, focusNode.name) : focus] : "Network"),
      focus ? el("a", { href: "#/network", class: "button" }, "Whole network") : null),
    filterForm(params, focus),
    el("p", { class: "muted" }, `${plural((graph.nodes || []).length, "actor")}, ${plural((graph.edges || []).length, "relation")}`,
      graph.truncated ? " — truncated: the best-connected actors are shown; narrow the filters to see others." : ""),
    legend(),
    (graph.nodes || []).length ? el("div", { class: "graph-layout" }, box, panel) : empty("No relations match these filters."));
  page.onShown = () => {
    if (!current() || !(graph.nodes || []).length) return;
    const cy = cytoscape({
      container: box, elements: elements(graph, focus), style: STYLE, minZoom: 0.05, maxZoom: 4,
      layout: { name: "cose", animate: false, randomize: true, nodeRepulsion: () => 600000, idealEdgeLength: () => 90,
        nodeOverlap: 20, componentSpacing: 80, numIter: (graph.nodes || []).length > 150 ? 300 : 1500, gravity: 0.25, padding: 20 },
    });
    cy.on("tap", "node", (ev) => {
      const node = ev.target;
      cy.elements().addClass("faded");
      node.closedNeighborhood().removeClass("faded");
      showNode(panel, node);
    });
    cy.on("tap", "edge", (ev) => {
      cy.elements().addClass("faded");
      ev.target.union(ev.target.connectedNodes()).removeClass("faded");
      showFact(panel, ev.target.data());
    });
    cy.on("tap", (ev) => { if (ev.target === cy) cy.elements().removeClass("faded"); });
    page.cy = cy;
  };
  return page;
}
