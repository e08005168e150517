// A line chart as inline SVG, drawn here (no library): axes with round ticks, lines that break where a
// point is missing (a second without completions), dots for lone points, numbered markers for events,
// an accessible name (title and description), and a clear "no data" state instead of an empty box.
(function (R) {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  // Drawn at the width it is shown at (within bounds), so that its text stays legible on a phone.
  var WIDEST = 760, NARROWEST = 320, M = { l: 58, r: 34, t: 24, b: 46 };
  var ids = 0;

  function svg(tag, attributes, parent, text) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, String(attributes[name])); });
    if (text !== undefined) { node.textContent = String(text); }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  // Round tick values from 0 (or min) up to at least max, about `count` of them.
  function ticks(min, max, count) {
    if (!(max > min)) { max = min + 1; }
    var raw = (max - min) / Math.max(1, count);
    var magnitude = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var n = raw / magnitude;
    var step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * magnitude;
    var values = [];
    var first = Math.floor(min / step) * step;
    for (var v = first; v < max + step * 0.999; v += step) { values.push(+v.toPrecision(12)); }
    return values;
  }

  function segments(points) {
    var out = [], current = [];
    points.forEach(function (p) {
      if (p && isFinite(p[0]) && isFinite(p[1])) { current.push(p); } else if (current.length) { out.push(current); current = []; }
    });
    if (current.length) { out.push(current); }
    return out;
  }

  // spec: { kind, title, description, xLabel, yLabel, x: { min, max, ticks: [{ value, label }] }, yFormat,
  //         lines: [{ name, colour, style ('solid' | 'dashed' | 'dotted'), points: [[x, y] | null] }],
  //         markers: [{ x, label, title }], noData }
  R.lineChart = function (spec, width) {
    var W = Math.round(Math.max(NARROWEST, Math.min(WIDEST, width || WIDEST))), H = W < 520 ? 240 : 300;
    var id = 'chart-' + (++ids);
    var root = svg('svg', { class: 'plot', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-labelledby': id + '-t ' + id + '-d', 'data-chart': spec.kind, focusable: 'false' });
    svg('title', { id: id + '-t' }, root, spec.title);
    svg('desc', { id: id + '-d' }, root, spec.description);
    var lines = spec.lines.map(function (line) { return { line: line, parts: segments(line.points) }; }).filter(function (l) { return l.parts.length; });
    var x0 = spec.x.min, x1 = spec.x.max > spec.x.min ? spec.x.max : spec.x.min + 1;
    var px = function (x) { return M.l + (x - x0) / (x1 - x0) * (W - M.l - M.r); };
    svg('rect', { class: 'frame', x: M.l, y: M.t, width: W - M.l - M.r, height: H - M.t - M.b }, root);
    if (!lines.length) {
      svg('text', { class: 'nodata', x: W / 2, y: H / 2, 'text-anchor': 'middle' }, root, spec.noData);
      return { node: root, lines: 0 };
    }

    var top = 0;
    lines.forEach(function (l) { l.parts.forEach(function (part) { part.forEach(function (p) { top = Math.max(top, p[1]); }); }); });
    var yTicks = ticks(0, top > 0 ? top * 1.05 : 1, 5);
    var y1 = yTicks[yTicks.length - 1];
    var py = function (y) { return M.t + (1 - y / y1) * (H - M.t - M.b); };
    var grid = svg('g', { 'aria-hidden': 'true' }, root);
    yTicks.forEach(function (v) {
      svg('line', { class: 'grid', x1: M.l, x2: W - M.r, y1: py(v), y2: py(v) }, grid);
      svg('text', { x: M.l - 6, y: py(v) + 4, 'text-anchor': 'end' }, grid, spec.yFormat(v));
    });
    var labelled = -Infinity;
    spec.x.ticks.forEach(function (t) {
      if (t.value < x0 || t.value > x1) { return; }
      svg('line', { class: 'grid', x1: px(t.value), x2: px(t.value), y1: M.t, y2: H - M.b }, grid);
      // A label only where it does not run into the last one (narrow charts get every other).
      if (px(t.value) - labelled >= 44) {
        svg('text', { x: px(t.value), y: H - M.b + 16, 'text-anchor': 'middle' }, grid, t.label);
        labelled = px(t.value);
      }
    });
    svg('text', { x: M.l + (W - M.l - M.r) / 2, y: H - 8, 'text-anchor': 'middle' }, grid, spec.xLabel);
    svg('text', { x: 14, y: M.t + (H - M.t - M.b) / 2, 'text-anchor': 'middle', transform: 'rotate(-90 14 ' + (M.t + (H - M.t - M.b) / 2) + ')' }, grid, spec.yLabel);

    lines.forEach(function (l) {
      var group = svg('g', { 'data-line': l.line.name }, root);
      svg('title', {}, group, l.line.name);
      var style = ' c' + l.line.colour + (l.line.style && l.line.style !== 'solid' ? ' ' + l.line.style : '');
      l.parts.forEach(function (part) {
        if (part.length === 1) {
          svg('circle', { class: 'dot' + style, cx: px(part[0][0]).toFixed(1), cy: py(part[0][1]).toFixed(1), r: 3 }, group);
          return;
        }
        var d = part.map(function (p, i) { return (i ? 'L' : 'M') + px(p[0]).toFixed(1) + ' ' + py(p[1]).toFixed(1); }).join(' ');
        svg('path', { class: 'line' + style, d: d }, group);
      });
    });

    (spec.markers || []).forEach(function (m) {
      if (!(m.x >= x0 && m.x <= x1)) { return; }
      var group = svg('g', { class: 'marker', 'data-event': m.label }, root);
      svg('title', {}, group, m.title);
      svg('line', { x1: px(m.x), x2: px(m.x), y1: M.t, y2: H - M.b }, group);
      svg('text', { x: px(m.x), y: M.t - 8, 'text-anchor': 'middle' }, group, m.label);
    });
    return { node: root, lines: lines.length };
  };

  R.ticks = ticks;

  // The legend under a chart: a swatch in the line's colour and dash, and its name, as text.
  R.legend = function (lines) {
    var el = R.dom.el;
    return el('ul', { class: 'legend' }, lines.map(function (line) {
      return el('li', null, el('span', { class: 'sw c' + line.colour + (line.style && line.style !== 'solid' ? ' ' + line.style : ''), 'aria-hidden': 'true' }), line.name);
    }));
  };
})(window.PitcheyReport = window.PitcheyReport || {});
