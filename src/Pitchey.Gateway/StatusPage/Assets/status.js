// The management status page: plain script, no build step, no third-party code.
// Markers for tests and people alike: <body data-status="ready"> once the first round of API
// calls has rendered, data-error="..." when a script error happened.
"use strict";

window.onerror = function (message) { document.body.dataset.error = String(message); };
window.addEventListener("unhandledrejection", function (event) { document.body.dataset.error = String(event.reason); });

(function () {
  const KEY_ITEM = "pitchey-management-key";
  const SVG = "http://www.w3.org/2000/svg";
  const body = document.body;
  let key = takeKey();
  let timer = null;
  let pollMs = 5000;

  class Unauthorized extends Error {}

  // A key handed over in the fragment (#key=...) is kept in this tab's session storage and removed
  // from the address bar at once; a fragment never reaches any server.
  function takeKey() {
    const match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
    if (match) {
      const handed = decodeURIComponent(match[1]);
      sessionStorage.setItem(KEY_ITEM, handed);
      history.replaceState(null, "", window.location.pathname + window.location.search);
      return handed;
    }
    return sessionStorage.getItem(KEY_ITEM);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: "ApiKey " + key }, cache: "no-store" });
    if (response.status === 401) { throw new Unauthorized(); }
    // /api/health/detailed answers 503 with its full body while unhealthy.
    if (!response.ok && response.status !== 503) { throw new Error(path + " answered " + response.status); }
    return response.json();
  }

  function showLogin(message) {
    clearTimeout(timer);
    document.getElementById("dashboard").hidden = true;
    document.getElementById("login").hidden = false;
    document.getElementById("key-error").textContent = message || "";
    document.getElementById("key").focus();
  }

  document.getElementById("key-form").addEventListener("submit", function (event) {
    event.preventDefault();
    key = document.getElementById("key").value.trim();
    sessionStorage.setItem(KEY_ITEM, key);
    refresh();
  });

  function number(value, unit) {
    if (value === null || value === undefined || Number.isNaN(value)) { return "–"; }
    const abs = Math.abs(value);
    const text = abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
    return unit ? text + " " + unit : text;
  }

  function renderHealth(health) {
    const overall = document.getElementById("overall");
    overall.textContent = health.status;
    overall.className = "pill " + health.status;
    const status = document.getElementById("health-status");
    status.textContent = health.status;
    status.className = "big " + health.status;
    document.getElementById("health-age").textContent =
      "report #" + health.sequence + ", " + health.age + " s old" + (health.stale ? " (stale: the refresher is late)" : "");
    const checks = clear(document.getElementById("checks"));
    Object.keys(health.checks).forEach(function (name) {
      const check = health.checks[name];
      const item = el("li");
      const left = el("div");
      left.appendChild(el("div", null, name));
      left.appendChild(el("div", "desc", check.description || ""));
      item.appendChild(left);
      item.appendChild(el("span", "pill " + check.status, check.status));
      checks.appendChild(item);
    });
    renderHosts(health.checks.replicas ? health.checks.replicas.data : null);
  }

  function renderHosts(data) {
    const rows = clear(document.getElementById("hosts"));
    if (!data) {
      const row = el("tr");
      const cell = el("td", "muted", "no replicas check reported");
      cell.colSpan = 6;
      row.appendChild(cell);
      rows.appendChild(row);
      return;
    }
    Object.keys(data).forEach(function (name) {
      const host = data[name];
      if (!host || typeof host !== "object") { return; }
      const row = el("tr");
      row.appendChild(el("td", null, name));
      row.appendChild(el("td", "muted", host.endpoint));
      row.appendChild(el("td", null, host.role));
      row.appendChild(el("td", host.reachable ? "yes" : "no", host.reachable ? "yes" : "no"));
      row.appendChild(el("td", null, host.lagSeconds === undefined ? "–" : typeof host.lagSeconds === "number" ? number(host.lagSeconds, "s") : host.lagSeconds));
      row.appendChild(el("td", null, number(host.latencyMs, "ms")));
      rows.appendChild(row);
    });
  }

  function renderBreakers(breakers) {
    const list = clear(document.getElementById("breakers"));
    if (breakers.clusters.length === 0) { list.appendChild(el("li", "muted", "no clusters configured")); }
    breakers.clusters.forEach(function (breaker) {
      const item = el("li");
      const left = el("div");
      left.appendChild(el("div", null, breaker.cluster));
      left.appendChild(el("div", "desc muted", breaker.failures + " failures, " + breaker.rejections + " rejected"
        + (breaker.retryAfterSeconds ? ", retry in " + breaker.retryAfterSeconds + " s" : "")));
      item.appendChild(left);
      item.appendChild(el("span", "pill " + breaker.state, breaker.state));
      list.appendChild(item);
    });
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function renderChart(chart, now, windowSeconds) {
    const card = el("article", "chart");
    card.dataset.chart = chart.id;
    const head = el("div", "head");
    head.appendChild(el("h2", null, chart.title));
    const first = chart.lines.length ? chart.lines[0].points : [];
    head.appendChild(el("span", "now", first.length ? number(first[first.length - 1][1], chart.unit) : "–"));
    card.appendChild(head);
    const points = chart.lines.reduce(function (all, line) { return all.concat(line.points); }, []);
    if (points.length === 0) {
      card.appendChild(el("div", "empty", "no data yet"));
      return card;
    }
    const width = 300, height = 120, left = 34, bottom = 16, top = 10;
    // Right after start-up the history is short: draw what there is across the width (a minute at least).
    const oldest = Math.min.apply(null, points.map(function (p) { return p[0]; }));
    windowSeconds = Math.min(windowSeconds, Math.max(60, now - oldest));
    const start = now - windowSeconds;
    const max = Math.max(1e-9, Math.max.apply(null, points.map(function (p) { return p[1]; })) * 1.1);
    const x = function (t) { return left + (width - left) * Math.max(0, t - start) / windowSeconds; };
    const y = function (v) { return top + (height - bottom - top) * (1 - v / max); };
    const plot = svg("svg", { viewBox: "0 0 " + width + " " + height, preserveAspectRatio: "none", role: "img" });
    [0, 0.5, 1].forEach(function (f) {
      const v = max * f;
      plot.appendChild(svg("line", { x1: left, x2: width, y1: y(v), y2: y(v), class: "grid" }));
      const label = svg("text", { x: 0, y: y(v) + 3, class: "axis" });
      label.textContent = number(v);
      plot.appendChild(label);
    });
    const axis = svg("text", { x: left, y: height - 2, class: "axis" });
    axis.textContent = windowSeconds >= 120 ? "-" + Math.round(windowSeconds / 60) + " min" : "-" + Math.round(windowSeconds) + " s";
    plot.appendChild(axis);
    const legend = el("div", "legend");
    chart.lines.forEach(function (line, i) {
      const colour = "c" + (i % 6);
      plot.appendChild(svg("polyline", { class: colour, points: line.points.map(function (p) { return x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1); }).join(" ") }));
      const entry = el("span");
      entry.appendChild(el("i", colour));
      entry.appendChild(document.createTextNode(line.name + " " + number(line.points[line.points.length - 1][1], chart.unit)));
      legend.appendChild(entry);
    });
    card.appendChild(plot);
    card.appendChild(legend);
    return card;
  }

  function renderHistory(historyData) {
    pollMs = Math.max(1000, historyData.intervalSeconds * 1000);
    document.getElementById("interval").textContent = historyData.intervalSeconds;
    document.getElementById("window").textContent = Math.round(historyData.windowSeconds / 60);
    // The charts show the last 15 minutes at most, however long the history is.
    const shown = Math.min(historyData.windowSeconds, 900);
    const now = Date.now() / 1000;
    const charts = clear(document.getElementById("charts"));
    historyData.charts.forEach(function (chart) { charts.appendChild(renderChart(chart, now, shown)); });
  }

  async function renderPanels(panelData) {
    const panels = clear(document.getElementById("panels"));
    for (const panel of panelData.panels) {
      const card = el("article", "panel" + (panel.available ? " available" : ""));
      card.dataset.panel = panel.id;
      card.appendChild(el("h2", null, panel.title));
      panels.appendChild(card);
      if (!panel.available) {
        card.appendChild(el("div", "empty", "not available"));
        continue;
      }
      try {
        const data = await api(panel.source);
        const items = panel.items ? data[panel.items] : data;
        if (!Array.isArray(items) || items.length === 0) {
          card.appendChild(el("div", "empty", "nothing to show"));
          continue;
        }
        const table = el("table");
        const headRow = el("tr");
        panel.columns.forEach(function (column) { headRow.appendChild(el("th", null, column.title)); });
        table.appendChild(el("thead")).appendChild(headRow);
        const rows = table.appendChild(el("tbody"));
        items.slice(0, 20).forEach(function (item) {
          const row = el("tr");
          panel.columns.forEach(function (column) {
            const value = item[column.field];
            row.appendChild(el("td", null, typeof value === "object" && value !== null ? JSON.stringify(value) : value));
          });
          rows.appendChild(row);
        });
        card.appendChild(table);
      } catch (error) {
        if (error instanceof Unauthorized) { throw error; }
        card.appendChild(el("div", "empty", "could not load " + panel.source));
      }
    }
  }

  async function refresh() {
    clearTimeout(timer);
    if (!key) { showLogin(); return; }
    try {
      const results = await Promise.all([
        api("/api/health/detailed"), api("/admin/breakers"), api("/api/status/history"), api("/api/status/panels"),
      ]);
      document.getElementById("login").hidden = true;
      document.getElementById("dashboard").hidden = false;
      renderHealth(results[0]);
      renderBreakers(results[1]);
      renderHistory(results[2]);
      await renderPanels(results[3]);
      document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
      body.dataset.status = "ready";
    } catch (error) {
      if (error instanceof Unauthorized) {
        sessionStorage.removeItem(KEY_ITEM);
        key = null;
        showLogin("That key was refused.");
        return;
      }
      const overall = document.getElementById("overall");
      overall.textContent = "unreachable";
      overall.className = "pill error";
      document.getElementById("updated").textContent = String(error.message || error);
    }
    timer = setTimeout(refresh, pollMs);
  }

  refresh();
})();
