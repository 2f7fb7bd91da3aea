// factmap workspace: a single-page app with hash routes over the JSON API.
//
//   #/search?q=      search names and aliases          (views/search.js)
//   #/entity/E12     entity profile                    (views/entity.js)
//   #/network        actors and relations graph        (views/network.js)
//   #/timeline       merged events by date             (views/timeline.js)
//   #/map            events on an offline world map    (views/map.js)
//   #/doc/ID?start=S&end=E   evidence: the article with the quote highlighted (views/doc.js)
//   #/documents      the articles in the store         (views/documents.js)
//   #/conflicts      disagreements between sources     (views/conflicts.js)
//   #/review         uncertain merges to judge         (views/review.js)

import { errorBox, loading, replace } from "./views/dom.js";
import { renderSearch } from "./views/search.js";
import { renderEntity } from "./views/entity.js";
import { renderNetwork } from "./views/network.js";
import { renderTimeline } from "./views/timeline.js";
import { renderMap } from "./views/map.js";
import { renderDoc } from "./views/doc.js";
import { renderDocuments } from "./views/documents.js";
import { renderConflicts } from "./views/conflicts.js";
import { renderReview } from "./views/review.js";

const ROUTES = {
  "": renderSearch,
  search: renderSearch,
  entity: renderEntity,
  network: renderNetwork,
  timeline: renderTimeline,
  map: renderMap,
  doc: renderDoc,
  documents: renderDocuments,
  conflicts: renderConflicts,
  review: renderReview,
};

/** "#/entity/E12?x=1" -> {name: "entity", args: ["E12"], params: URLSearchParams}. */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
  const [name = "", ...args] = path.split("/").map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { name, args, params };
}

let generation = 0;

async function route() {
  const view = document.getElementById("view");
  const { name, args, params } = parseHash(location.hash);
  const render = ROUTES[name];
  const mine = ++generation;
  // Each view gets a `current()` check so that a slow response for a page the user
  // already left never overwrites the page they are on now.
  const ctx = { args, params, current: () => mine === generation };
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.dataset.route === (name || "search"));
  }
  const box = document.getElementById("q");
  if (name === "search" || name === "") box.value = params.get("q") || "";
  replace(view, loading());
  if (!render) {
    replace(view, errorBox(new Error(`no page '${name}': use the links at the top`)));
    return;
  }
  try {
    const node = await render(ctx);
    if (ctx.current() && node) {
      replace(view, node);
      if (typeof node.onShown === "function") node.onShown();
    }
  } catch (err) {
    if (ctx.current()) replace(view, errorBox(err));
  }
}

function start() {
  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("q").value.trim();
    location.hash = `#/search${q ? `?q=${encodeURIComponent(q)}` : ""}`;
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("unhandledrejection", (ev) => {
    const view = document.getElementById("view");
    view.prepend(errorBox(ev.reason || new Error("unexpected error")));
    ev.preventDefault();
  });
  route();
}

start();
