/* netkit's interactive map: reads the page's JSON data block and draws it with vis-network.
   Every name, title and note is data: it reaches the page through textContent or the
   canvas, never through innerHTML, and vis-network is never given a `title` string.
   The data's shape is documented in netkit/render/interactive.py (_map_data).
   For tests and scripts: window.netkitReady (true after the first drawing),
   window.netkitTimings, and window.netkit (the network, its DataSets, drawnCount(),
   search(), pick(), expand(), collapse(), setHidden(), setColourBy(), setSizeBy()). */
(function () {
  "use strict";

  // Milliseconds since navigation at each step of the start, for benchmarks.
  const timings = { script: performance.now() };
  const D = JSON.parse(document.getElementById("netkit-data").textContent);
  timings.data = performance.now();
  const T = D.text;
  const P = D.people;
  const N = P.length;
  const CATEGORIES = { cluster: D.clusters, sector: D.sectors, tie_class: D.ties };
  const FIELD = { cluster: "c", sector: "s", tie_class: "k" };
  const ATTRIBUTES = ["cluster", "sector", "tie_class"];
  const S = D.strings; // organisation names and titles, each stored once
  const LEGEND_ROWS = 10; // the palette's colours; the rest share one neutral colour
  const PROFILE = /^https:\/\/www\.linkedin\.com\/in\/[A-Za-z0-9%_.~-]+\/?$/;
  const numberFormat = new Intl.NumberFormat(D.lang);

  const state = {
    colourBy: D.colourBy,
    sizeBy: D.sizeBy,
    showOrganisations: true,
    hidden: { cluster: new Set(), sector: new Set(), tie_class: new Set() },
    shown: new Uint8Array(N), // drawn one by one
    expanded: new Set(), // groups opened by the reader
    searched: new Set(), // drawn because the reader searched them, whatever the filters
    panel: null,
  };
  for (let i = 0; i < N; i++) state.shown[i] = D.aggregated ? (P[i].i ? 1 : 0) : 1;

  // ------------------------------------------------------------------ helpers
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) =>
      key in values ? String(values[key]) : whole);
  }
  function fmt(n) { return numberFormat.format(n); }
  function byId(id) { return document.getElementById(id); }
  function swatch(colour) {
    const s = el("span", "swatch");
    s.style.background = colour;
    return s;
  }
  function darker(hex) {
    const v = parseInt(hex.slice(1), 16);
    const r = Math.round(((v >> 16) & 255) * 0.7);
    const g = Math.round(((v >> 8) & 255) * 0.7);
    const b = Math.round((v & 255) * 0.7);
    return "#" + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
  }
  function translucent(hex, alpha) {
    const v = parseInt(hex.slice(1), 16);
    return "rgba(" + ((v >> 16) & 255) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }
  function organisation(p) { return p.o === undefined ? "" : S[p.o]; }
  function former(p) { return p.f === undefined ? "" : S[p.f]; }
  function position(p) { return p.t === undefined ? "" : S[p.t]; }
  function about(p) { return [position(p), organisation(p)].filter(Boolean).join(" · "); }
  function profile(p) {
    const url = p.u === 1 ? "https://www.linkedin.com/in/" + p.id.slice(3) : p.u;
    return typeof url === "string" && PROFILE.test(url) ? url : null;
  }
  function normalise(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  // ------------------------------------------------------------------ derived figures
  let maxStrength = 0;
  let maxBetweenness = 0;
  const counts = { cluster: [], sector: [], tie_class: [] };
  for (const a of ATTRIBUTES) counts[a] = CATEGORIES[a].map(() => 0);
  const groupOf = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const p = P[i];
    if (p.st > maxStrength) maxStrength = p.st;
    if (p.b > maxBetweenness) maxBetweenness = p.b;
    for (const a of ATTRIBUTES) counts[a][p[FIELD[a]]] += 1;
    groupOf[i] = D.aggregated ? p.g : -1;
  }
  const available = {
    cluster: D.clusters.some((c) => c.key >= 0),
    sector: D.sectors.some((s) => s.key !== ""),
    tie_class: D.ties.some((t) => t.key !== ""),
    strength: maxStrength > 0,
    betweenness: maxBetweenness > 0,
  };
  if (!available[state.colourBy]) {
    state.colourBy = ATTRIBUTES.find((a) => available[a]) || state.colourBy;
  }
  if (!available[state.sizeBy]) {
    state.sizeBy = ["strength", "betweenness"].find((s) => available[s]) || state.sizeBy;
  }
  // The people the static map names too (highlighted, then the top brokers and strongest
  // ties): their names are drawn at a constant size, in rank order, skipping any that
  // would overlap a name already drawn.
  const named = [];
  for (let i = 0; i < N; i++) if (P[i].l) named.push(i);
  named.sort((x, y) => P[x].l - P[y].l);
  const isNamed = new Set(named);
  const memberships = D.membership;
  const organisationMembers = D.organisations.map(() => []);
  for (const [i, o] of memberships) organisationMembers[o].push(i);

  // ------------------------------------------------------------------ visibility
  function passes(i) {
    const p = P[i];
    return !state.hidden.cluster.has(p.c) && !state.hidden.sector.has(p.s) &&
      !state.hidden.tie_class.has(p.k);
  }
  function drawnAlone(i) {
    return state.searched.has(i) || (state.shown[i] === 1 && passes(i));
  }
  function inGroup(i) {
    return D.aggregated && !state.shown[i] && !state.searched.has(i) && passes(i);
  }
  function displayId(i) {
    if (drawnAlone(i)) return "p" + i;
    if (inGroup(i)) return "g" + groupOf[i];
    return null;
  }

  // ------------------------------------------------------------------ node and edge specs
  function personColour(i) {
    const category = CATEGORIES[state.colourBy][P[i][FIELD[state.colourBy]]];
    return category ? category.colour : "#c7c7c7";
  }
  function personSize(i) {
    const value = state.sizeBy === "strength" ? P[i].st : P[i].b;
    const max = state.sizeBy === "strength" ? maxStrength : maxBetweenness;
    if (!(value > 0) || !(max > 0)) return 5;
    return 5 + 15 * Math.sqrt(value / max);
  }
  // Only what differs from one node to the next: the rest is in the network's options, and
  // a hex colour lets vis-network derive the border and highlight shades itself.
  function personNode(i) {
    const p = P[i];
    const colour = personColour(i);
    const node = { id: "p" + i, x: p.x, y: p.y, size: personSize(i), color: colour };
    if (!isNamed.has(i)) node.label = p.n;
    if (p.h) {
      node.borderWidth = 4;
      node.borderWidthSelected = 5;
      node.color = {
        background: colour,
        border: "#111111",
        highlight: { background: colour, border: "#000000" },
        hover: { background: colour, border: "#000000" },
      };
    }
    return node;
  }
  function groupNode(g, members) {
    const group = D.groups[g];
    return {
      id: "g" + g,
      x: group.x,
      y: group.y,
      shape: "dot",
      // About the disc its members fill in the layout (neighbours one unit apart).
      size: Math.max(14, 0.5 * D.unit * Math.sqrt(members)),
      borderWidth: 2,
      shapeProperties: { borderDashes: [6, 4] },
      color: {
        background: translucent(group.colour, 0.3),
        border: darker(group.colour),
        highlight: { background: translucent(group.colour, 0.45), border: "#000000" },
        hover: { background: translucent(group.colour, 0.45), border: "#000000" },
      },
    };
  }
  function organisationNode(o) {
    const org = D.organisations[o];
    return {
      id: "o" + o,
      x: org.x,
      y: org.y,
      label: org.n,
      shape: "square",
      size: 5,
      color: {
        background: "#9a9a9a",
        border: "#7a7a7a",
        highlight: { background: "#555555", border: "#000000" },
        hover: { background: "#777777", border: "#000000" },
      },
      font: { size: 12, color: "#555555", strokeWidth: 3 }, // named from 1.4× on
    };
  }
  function ownerNode() {
    const o = D.owner;
    return {
      id: "owner",
      x: o.x,
      y: o.y,
      shape: "star",
      size: 22,
      color: {
        background: "#333333",
        border: "#000000",
        highlight: { background: "#000000", border: "#000000" },
        hover: { background: "#000000", border: "#000000" },
      },
    };
  }

  // Drawing order is insertion order: groups under organisations under people, the owner
  // on top (a click picks the topmost node).
  function wanted() {
    const people = new Map();
    const groupCounts = D.groups.map(() => 0);
    const orgVisible = new Uint8Array(D.organisations.length);
    let alone = 0;
    for (let i = 0; i < N; i++) {
      if (drawnAlone(i)) {
        people.set("p" + i, personNode(i));
        alone += 1;
      } else if (inGroup(i)) {
        groupCounts[groupOf[i]] += 1;
      }
    }
    const nodes = new Map();
    for (let g = 0; g < groupCounts.length; g++) {
      if (groupCounts[g] > 0) nodes.set("g" + g, groupNode(g, groupCounts[g]));
    }
    if (state.showOrganisations) {
      const shownOrgs = [];
      for (const [i, o] of memberships) {
        if (!orgVisible[o] && people.has("p" + i)) {
          orgVisible[o] = 1;
          shownOrgs.push(o);
        }
      }
      shownOrgs.sort((x, y) => x - y);
      for (const o of shownOrgs) nodes.set("o" + o, organisationNode(o));
    }
    for (const [id, spec] of people) nodes.set(id, spec);
    if (D.owner) nodes.set("owner", ownerNode());

    const edges = new Map();
    const between = new Map();
    for (const [i, j, w] of D.links) {
      const a = displayId(i);
      const b = displayId(j);
      if (a === null || b === null || a === b) continue;
      if (a[0] === "p" && b[0] === "p") {
        const id = "l" + i + "-" + j;
        edges.set(id, { id: id, from: a, to: b, width: Math.min(6, w) });
      } else if (a[0] === "g" && b[0] === "g") {
        // Ties between two groups, summed; a person's ties into a group are not drawn
        // (thousands of lines that would slow the first drawing and say little).
        const key = a < b ? a + "|" + b : b + "|" + a;
        between.set(key, (between.get(key) || 0) + 1);
      }
    }
    for (const [key, count] of between) {
      const [a, b] = key.split("|");
      edges.set("x" + key, {
        id: "x" + key, from: a, to: b,
        width: Math.min(10, 1 + Math.log2(count)),
        color: { color: "#9a9a9a", opacity: 0.35 },
      });
    }
    for (const [i, o, current] of memberships) {
      if (!orgVisible[o] || !nodes.has("p" + i)) continue;
      const id = "m" + i + "-" + o;
      edges.set(id, {
        id: id, from: "p" + i, to: "o" + o, width: 1,
        dashes: current ? false : [3, 4],
        color: { color: "#b5b5b5", opacity: 0.6 },
      });
    }
    return { nodes: nodes, edges: edges, alone: alone, groupCounts: groupCounts };
  }

  // ------------------------------------------------------------------ the network
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const signatures = { nodes: new Map(), edges: new Map() };
  let figures = { alone: 0, groupCounts: [] };

  function sync(dataSet, current, desired, ordered) {
    const remove = [];
    for (const id of current.keys()) if (!desired.has(id)) remove.push(id);
    const add = [];
    const update = [];
    const next = new Map();
    for (const [id, item] of desired) {
      const before = current.get(id);
      const signature = JSON.stringify(item);
      next.set(id, signature);
      if (before === undefined) add.push(item);
      else if (before !== signature) update.push(item);
    }
    // A group's circle must lie under the people drawn over it (a click picks the topmost
    // node): when one comes back (a group collapsing again), add everything again, in order.
    // Organisations added later lie over people: small squares, left as they come.
    const reorder = ordered && add.length && current.size > remove.length &&
      add.some((item) => item.id[0] === "g");
    current.clear();
    for (const [id, signature] of next) current.set(id, signature);
    if (reorder) {
      dataSet.clear();
      dataSet.add(Array.from(desired.values()));
      return;
    }
    if (remove.length) dataSet.remove(remove);
    if (update.length) dataSet.update(update);
    if (add.length) dataSet.add(add);
  }

  // With physics off, vis-network redraws the whole map on every change to a DataSet:
  // block drawing while the sets change, then draw once.
  let network = null;
  function refresh() {
    const want = wanted();
    if (network) network.body.emitter.emit("_blockRedraw");
    try {
      sync(nodes, signatures.nodes, want.nodes, true);
      sync(edges, signatures.edges, want.edges, false);
    } finally {
      if (network) {
        network.body.emitter.emit("_allowRedraw");
        network.redraw();
      }
    }
    figures = want;
    renderStatus();
    renderLegend();
  }

  const big = N > 1000 || D.aggregated;
  const options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 0 },
    physics: D.physics
      ? { enabled: true, solver: "forceAtlas2Based", stabilization: { iterations: 150, fit: false } }
      : { enabled: false },
    interaction: {
      hover: true,
      tooltipDelay: 150,
      hideEdgesOnDrag: big,
      hideEdgesOnZoom: big,
      multiselect: false,
      keyboard: false,
    },
    nodes: {
      shape: "dot",
      borderWidth: 1,
      borderWidthSelected: 3,
      font: {
        size: 14,
        face: "system-ui, Arial, sans-serif",
        color: "#222222",
        strokeWidth: 3,
        strokeColor: "#ffffff",
      },
      // vis-network writes a label once fontSize × zoom ≥ drawThreshold − 1: every name
      // from 1.2× on (the 17 in drawnNames); before, only the names drawn on the map.
      scaling: { label: { drawThreshold: 18, maxVisible: 30 } },
    },
    edges: {
      smooth: false,
      selectionWidth: 1.5,
      hoverWidth: 0,
      color: { color: "#7d7d7d", highlight: "#333333", hover: "#555555", opacity: 0.55 },
    },
  };

  refresh();
  timings.dataSets = performance.now();
  network = new vis.Network(byId("map"), { nodes: nodes, edges: edges }, options);
  timings.network = performance.now();
  network.once("afterDrawing", () => {
    timings.firstDraw = performance.now();
    window.netkitTimings = timings;
    window.netkitReadyAt = timings.firstDraw;
    window.netkitReady = true;
    document.documentElement.setAttribute("data-ready", "1");
  });
  // Fit the map into the canvas beside the legend (bottom left), not under it.
  function fitAll() {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const id of network.body.nodeIndices) {
      const node = network.body.nodes[id];
      const r = node.options.size || 0;
      if (node.x - r < minX) minX = node.x - r;
      if (node.x + r > maxX) maxX = node.x + r;
      if (node.y - r < minY) minY = node.y - r;
      if (node.y + r > maxY) maxY = node.y + r;
    }
    const frame = byId("map");
    const width = frame.clientWidth;
    const height = frame.clientHeight;
    if (!(maxX >= minX) || width === 0 || height === 0) return;
    const margin = 40;
    const legend = byId("legend").offsetWidth + 20;
    const spanX = maxX - minX + 2 * margin;
    const spanY = maxY - minY + 2 * margin;
    const beside = Math.min((width - legend) / spanX, height / spanY);
    const over = Math.min(width / spanX, height / spanY);
    // Beside the legend unless that shrinks the map by more than a quarter.
    const scale = beside >= 0.75 * over ? beside : over;
    const shift = scale === beside ? legend / 2 : 0;
    network.moveTo({
      position: { x: (minX + maxX) / 2 - shift / scale, y: (minY + maxY) / 2 },
      scale: scale,
      animation: false,
    });
  }
  fitAll();
  if (D.physics) network.once("stabilizationIterationsDone", fitAll);

  // Names drawn on top of the map at a constant size, most important first, each skipped
  // when it would overlap one already drawn: the owner, the groups (largest first), then
  // the people the static map names too. Canvas text: never markup.
  function drawnNames() {
    const list = [];
    // The selected person, unless vis-network already writes their name (zoomed in).
    const ownLabels = 14 * network.getScale() >= 17;
    for (const id of network.getSelectedNodes()) {
      const i = Number(String(id).slice(1));
      if (id[0] === "p" && (isNamed.has(i) || !ownLabels)) list.push([id, P[i].n, 15]);
    }
    if (D.owner) list.push(["owner", D.owner.n, 15]);
    const groups = figures.groupCounts.map((count, g) => [g, count]).filter(([, count]) => count > 0);
    groups.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    for (const [g, count] of groups) list.push(["g" + g, D.groups[g].label + " (" + fmt(count) + ")", 14]);
    for (const i of named) list.push(["p" + i, P[i].n, 13]);
    return list;
  }
  network.on("afterDrawing", (ctx) => {
    const scale = network.getScale();
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 4 / scale;
    ctx.strokeStyle = "rgba(255, 255, 255, 0.92)";
    ctx.fillStyle = "#111111";
    const placed = [];
    for (const [id, name, px] of drawnNames()) {
      const node = network.body.nodes[id];
      if (!node) continue;
      const size = px / scale;
      ctx.font = "600 " + size + "px system-ui, Arial, sans-serif";
      const text = name.length > 48 ? name.slice(0, 47) + "…" : name;
      const width = ctx.measureText(text).width;
      // Below a person or the owner; across the middle of a group's circle.
      const top = id[0] === "g" ? node.y - 0.6 * size : node.y + node.options.size + 2 / scale;
      const box = [node.x - width / 2, top, node.x + width / 2, top + 1.25 * size];
      if (placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
      placed.push(box);
      ctx.strokeText(text, node.x, top);
      ctx.fillText(text, node.x, top);
    }
    ctx.restore();
  });

  // ------------------------------------------------------------------ controls
  byId("heading").textContent = D.title;
  byId("subtitle").textContent = D.subtitle;
  byId("search").placeholder = T.search;
  byId("colour-label").textContent = T.colour_by;
  byId("size-label").textContent = T.size_by;
  byId("filters-heading").textContent = T.filters;
  byId("organisations-label").textContent = T.organisations;
  byId("help").textContent = T.help;
  byId("fit").textContent = T.fit;
  byId("fit").addEventListener("click", fitAll);
  byId("panel-close").textContent = "×";
  byId("panel-close").title = T.close;
  byId("panel-close").setAttribute("aria-label", T.close);

  function fillSelect(select, choices, value) {
    for (const key of choices) {
      const option = el("option", null, available[key] ? T[key] : T[key] + " (" + T.unavailable + ")");
      option.value = key;
      option.disabled = !available[key];
      select.appendChild(option);
    }
    select.value = value;
  }
  fillSelect(byId("colour-by"), ATTRIBUTES, state.colourBy);
  fillSelect(byId("size-by"), ["strength", "betweenness"], state.sizeBy);
  byId("colour-by").addEventListener("change", (event) => setColourBy(event.target.value));
  byId("size-by").addEventListener("change", (event) => setSizeBy(event.target.value));
  const orgToggle = byId("show-organisations");
  if (D.organisations.length === 0) orgToggle.parentElement.hidden = true;
  orgToggle.addEventListener("change", () => {
    state.showOrganisations = orgToggle.checked;
    refresh();
  });

  function setColourBy(attribute) {
    if (!available[attribute]) return;
    state.colourBy = attribute;
    byId("colour-by").value = attribute;
    refresh();
  }
  function setSizeBy(measure) {
    if (!available[measure]) return;
    state.sizeBy = measure;
    byId("size-by").value = measure;
    refresh();
  }
  function setHidden(attribute, index, hidden) {
    state.searched.clear();
    if (hidden) state.hidden[attribute].add(index);
    else state.hidden[attribute].delete(index);
    const box = document.querySelector(
      'input[data-attribute="' + attribute + '"][data-index="' + index + '"]');
    if (box) box.checked = !hidden;
    refresh();
  }

  const filterBoxes = byId("filters");
  for (const attribute of ATTRIBUTES) {
    if (!available[attribute]) continue;
    const details = el("details");
    details.open = attribute === state.colourBy;
    const summary = el("summary", null, T[attribute]);
    details.appendChild(summary);
    const bulk = el("div", "bulk");
    const all = el("button", null, T.all);
    const none = el("button", null, T.none);
    all.type = "button";
    none.type = "button";
    bulk.append(all, none);
    details.appendChild(bulk);
    const list = el("div", "checks");
    const order = CATEGORIES[attribute].map((_, index) => index);
    if (attribute === "sector") order.sort((x, y) => counts.sector[y] - counts.sector[x] || x - y);
    for (const index of order) {
      if (counts[attribute][index] === 0) continue;
      const category = CATEGORIES[attribute][index];
      const label = el("label", "check");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.attribute = attribute;
      box.dataset.index = String(index);
      box.addEventListener("change", () => setHidden(attribute, index, !box.checked));
      label.append(box, swatch(category.colour), el("span", "name", category.label),
        el("span", "count", fmt(counts[attribute][index])));
      list.appendChild(label);
    }
    details.appendChild(list);
    const bulkSet = (hidden) => {
      state.searched.clear();
      for (const box of list.querySelectorAll("input")) {
        box.checked = !hidden;
        const index = Number(box.dataset.index);
        if (hidden) state.hidden[attribute].add(index);
        else state.hidden[attribute].delete(index);
      }
      refresh();
    };
    all.addEventListener("click", () => bulkSet(false));
    none.addEventListener("click", () => bulkSet(true));
    filterBoxes.appendChild(details);
  }

  // ------------------------------------------------------------------ status and legend
  function renderStatus() {
    byId("status").textContent = fill(T.status, { people: fmt(N), shown: fmt(figures.alone) });
    const note = byId("grouped");
    if (!D.aggregated) return;
    let grouped = 0;
    let circles = 0;
    for (const count of figures.groupCounts) {
      grouped += count;
      if (count > 0) circles += 1;
    }
    note.hidden = false;
    note.replaceChildren(el("span", null, fill(T.grouped, {
      people: fmt(N), single: fmt(figures.alone), grouped: fmt(grouped), groups: fmt(circles),
    })));
    if (state.expanded.size > 0) {
      const button = el("button", null, T.collapse_all);
      button.type = "button";
      button.addEventListener("click", () => {
        for (const g of Array.from(state.expanded)) collapse(g, false);
        refresh();
      });
      note.append(el("br"), button);
    }
  }

  function renderLegend() {
    const legend = byId("legend");
    const attribute = state.colourBy;
    const parts = [el("h3", null, T[attribute])];
    const list = el("ul");
    const entry = (colour, label) => {
      const item = el("li");
      item.append(swatch(colour), el("span", null, label));
      list.appendChild(item);
    };
    const categories = CATEGORIES[attribute];
    const present = categories.map((_, index) => index)
      .filter((index) => counts[attribute][index] > 0);
    const main = present.filter((index) => !categories[index].last);
    for (const index of main.slice(0, LEGEND_ROWS)) entry(categories[index].colour, categories[index].label);
    if (main.length > LEGEND_ROWS) {
      entry(categories[main[LEGEND_ROWS]].colour, fill(T.legend_more, { n: fmt(main.length - LEGEND_ROWS) }));
    }
    for (const index of present.filter((index) => categories[index].last)) {
      entry(categories[index].colour, categories[index].label);
    }
    parts.push(list);
    const symbols = el("ul");
    const symbol = (className, text, glyph) => {
      const item = el("li");
      const box = el("span", "symbol");
      box.appendChild(el("span", className, glyph));
      item.append(box, el("span", null, text));
      symbols.appendChild(item);
    };
    symbol("swatch", fill(T.legend_person, { size: T[state.sizeBy] }));
    if (D.owner) symbol("shape-star", T.legend_owner, "★");
    if (D.organisations.length && state.showOrganisations) symbol("shape-square", T.legend_organisation);
    if (P.some((p) => p.h)) symbol("shape-ring", T.legend_highlight);
    if (D.aggregated) symbol("shape-group", T.legend_group);
    parts.push(symbols);
    legend.replaceChildren(...parts);
  }

  // ------------------------------------------------------------------ groups
  function expand(g) {
    state.expanded.add(g);
    for (let i = 0; i < N; i++) if (groupOf[i] === g) state.shown[i] = 1;
    refresh();
  }
  function collapse(g, redraw) {
    state.expanded.delete(g);
    for (let i = 0; i < N; i++) if (groupOf[i] === g) state.shown[i] = P[i].i ? 1 : 0;
    if (redraw !== false) refresh();
  }

  // ------------------------------------------------------------------ details panel
  function row(list, term, value) {
    if (value === undefined || value === null || value === "") return;
    list.append(el("dt", null, term), el("dd", null, value));
  }
  function openPanel(children) {
    const panel = byId("panel");
    byId("panel-body").replaceChildren(...children);
    if (panel.hidden) {
      panel.hidden = false;
      network.redraw();
    }
  }
  function closePanel() {
    byId("panel").hidden = true;
    state.panel = null;
    network.unselectAll();
  }
  byId("panel-close").addEventListener("click", closePanel);

  function showPerson(i) {
    const p = P[i];
    state.panel = "p" + i;
    const parts = [el("h2", null, p.n)];
    const subtitle = about(p);
    if (subtitle) parts.push(el("p", "subtitle", subtitle));
    if (p.h) parts.push(el("p", "flag", T.highlighted));
    if (state.searched.has(i) && !passes(i)) parts.push(el("p", "muted", T.hidden_by_filter));
    const list = el("dl");
    row(list, T.organisation, organisation(p));
    row(list, T.former, former(p));
    row(list, T.position, position(p));
    if (available.sector) row(list, T.sector, D.sectors[p.s].label);
    if (available.cluster) row(list, T.cluster, D.clusters[p.c].label);
    if (available.tie_class || p.st !== undefined) {
      const tie = [];
      if (D.ties[p.k] && D.ties[p.k].key) tie.push(D.ties[p.k].label);
      if (p.st !== undefined) tie.push(fill(T.strength_value, { value: p.st.toFixed(2) }));
      row(list, T.tie, tie.join(", "));
    }
    row(list, T.evidence, p.ev);
    row(list, T.why, p.w);
    if (p.b !== undefined) row(list, T.betweenness, p.b.toPrecision(3));
    parts.push(list);
    const url = profile(p);
    if (url) {
      const link = el("a", null, T.profile + " ↗");
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      parts.push(el("p", null), link);
    }
    const g = groupOf[i];
    if (g >= 0 && state.expanded.has(g)) {
      const button = el("button", "action", fill(T.collapse, { name: D.groups[g].label }));
      button.type = "button";
      button.addEventListener("click", () => {
        collapse(g);
        closePanel();
      });
      parts.push(el("div", null), button);
    }
    openPanel(parts);
  }

  function showGroup(g) {
    const group = D.groups[g];
    state.panel = "g" + g;
    const parts = [el("h2", null, group.label), el("p", "subtitle", fill(T.members, { n: fmt(group.size) }))];
    const button = el("button", "action", fill(T.collapse, { name: group.label }));
    button.type = "button";
    button.addEventListener("click", () => {
      collapse(g);
      closePanel();
    });
    parts.push(button);
    openPanel(parts);
  }

  function showOrganisation(o) {
    const org = D.organisations[o];
    state.panel = "o" + o;
    const onMap = organisationMembers[o].filter((i) => drawnAlone(i));
    const parts = [el("h2", null, org.n), el("p", "subtitle", fill(T.members_shown, { n: fmt(onMap.length) }))];
    const list = el("ul");
    for (const i of onMap.slice(0, 40)) {
      const item = el("li");
      const link = el("a", null, P[i].n);
      link.href = "#";
      link.addEventListener("click", (event) => {
        event.preventDefault();
        pick(i);
      });
      item.appendChild(link);
      list.appendChild(item);
    }
    parts.push(list);
    openPanel(parts);
  }

  function showOwner() {
    state.panel = "owner";
    openPanel([el("h2", null, D.owner.n), el("p", "subtitle", T.legend_owner)]);
  }

  function open(id) {
    const kind = id[0];
    const index = Number(id.slice(1));
    if (id === "owner") showOwner();
    else if (kind === "p") showPerson(index);
    else if (kind === "o") showOrganisation(index);
    else if (kind === "g") {
      expand(index);
      showGroup(index);
    }
  }

  network.on("click", (params) => {
    hideTooltip();
    if (params.nodes.length) open(String(params.nodes[0]));
  });

  // ------------------------------------------------------------------ tooltip
  const tooltip = byId("tooltip");
  function hideTooltip() { tooltip.hidden = true; }
  network.on("hoverNode", (params) => {
    const id = String(params.node);
    const index = Number(id.slice(1));
    let title = "";
    let detail = "";
    if (id === "owner") title = D.owner.n;
    else if (id[0] === "p") {
      title = P[index].n;
      detail = about(P[index]);
    } else if (id[0] === "o") title = D.organisations[index].n;
    else if (id[0] === "g") {
      title = D.groups[index].label;
      detail = fill(T.members, { n: fmt(figures.groupCounts[index] || 0) }) + " · " + T.legend_group;
    }
    tooltip.replaceChildren(el("strong", null, title));
    if (detail) tooltip.appendChild(el("small", null, detail));
    tooltip.style.left = params.pointer.DOM.x + 14 + "px";
    tooltip.style.top = params.pointer.DOM.y + 14 + "px";
    tooltip.hidden = false;
  });
  network.on("blurNode", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // ------------------------------------------------------------------ search
  let names = null;
  function search(query) {
    const q = normalise(query);
    if (!q) return [];
    if (names === null) names = P.map((p) => normalise(p.n));
    const first = [];
    const then = [];
    for (let i = 0; i < N; i++) {
      const at = names[i].indexOf(q);
      if (at === 0 || (at > 0 && names[i][at - 1] === " ")) first.push(i);
      else if (at > 0) then.push(i);
    }
    return first.concat(then).slice(0, 12);
  }
  function pick(i) {
    if (!drawnAlone(i)) state.searched.add(i);
    refresh();
    const id = "p" + i;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showPerson(i);
  }

  const input = byId("search");
  const results = byId("results");
  let matches = [];
  let active = 0;
  function renderResults() {
    results.replaceChildren();
    if (!input.value.trim()) {
      results.hidden = true;
      return;
    }
    if (matches.length === 0) results.appendChild(el("li", "empty", T.search_none));
    matches.forEach((i, position) => {
      const item = el("li", position === active ? "active" : null, P[i].n);
      const detail = about(P[i]);
      if (detail) item.appendChild(el("small", null, detail));
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(position);
      });
      results.appendChild(item);
    });
    results.hidden = false;
  }
  function choose(position) {
    if (!matches.length) return;
    const i = matches[position];
    results.hidden = true;
    input.value = P[i].n;
    pick(i);
  }
  input.addEventListener("input", () => {
    matches = search(input.value);
    active = 0;
    renderResults();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!matches.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      renderResults();
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      input.value = "";
      matches = [];
      renderResults();
    }
  });
  input.addEventListener("blur", () => { results.hidden = true; });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !byId("panel").hidden && event.target !== input) closePanel();
  });

  // ------------------------------------------------------------------ for tests and scripts
  window.netkit = {
    data: D,
    network: network,
    nodes: nodes,
    edges: edges,
    state: state,
    drawnCount: () => network.body.nodeIndices.length,
    drawnEdgeCount: () => network.body.edgeIndices.length,
    indexOf: (id) => P.findIndex((p) => p.id === id),
    search: search,
    pick: pick,
    expand: expand,
    collapse: collapse,
    setHidden: setHidden,
    setColourBy: setColourBy,
    setSizeBy: setSizeBy,
  };
})();
