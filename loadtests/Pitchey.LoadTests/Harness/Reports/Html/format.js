// How figures read (as on the console: latencies in ms with the digits that matter, counts grouped) and
// how the page is built: every string from the report goes in as a text node or an attribute value,
// never through innerHTML, so a label that looks like markup shows as the characters it is.
(function (R) {
  'use strict';
  var none = '\u2013';

  function finite(value) { return typeof value === 'number' && isFinite(value); }

  function group(value) {
    var sign = value < 0 ? '-' : '';
    return sign + String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function trim(value, digits) { return String(+value.toFixed(digits)); }

  R.fmt = {
    none: none,
    ms: function (us) {
      if (!finite(us)) { return none; }
      var ms = us / 1000;
      return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : group(ms);
    },
    count: function (value) { return finite(value) ? group(value) : none; },
    // An axis tick: 25000 -> "25k", 2500000 -> "2.5M".
    compact: function (value) {
      return !finite(value) ? none : Math.abs(value) >= 1e6 ? trim(value / 1e6, 2) + 'M' : Math.abs(value) >= 1e4 ? trim(value / 1e3, 1) + 'k' : value % 1 ? trim(value, 2) : group(value);
    },
    rate: function (value) { return !finite(value) ? none : value < 100 ? value.toFixed(1) : group(value); },
    percent: function (value) { return finite(value) ? trim(value, 3) + ' %' : none; },
    ratio: function (value) { return finite(value) ? value.toFixed(2) + '\u00d7' : none; },
    seconds: function (value) { return finite(value) ? trim(value, 1) + ' s' : none; },
    number: function (value) { return finite(value) ? trim(value, 3) : none; },
    change: function (value, unit) { return finite(value) ? (value > 0 ? '+' : '') + trim(value, unit === 'pp' ? 3 : 1) + ' ' + unit : none; },
    // A threshold's or a delta's figure in its own unit.
    unit: function (value, unit) {
      return unit === 'us' ? R.fmt.ms(value) + ' ms' : unit === '%' ? R.fmt.percent(value) : unit === 'rps' ? R.fmt.rate(value) + '/s' : R.fmt.count(value);
    },
    // A target's short name: host, port and path.
    target: function (url) {
      var match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(String(url));
      return match ? match[1] + match[2].replace(/\/+$/, '') : String(url);
    },
    // "2026-12-01T10:48:21.3205799+00:00" -> "2026-12-01 10:48:21 +00:00", without a Date (no local time zone).
    time: function (iso) { return String(iso).replace('T', ' ').replace(/\.\d+/, '').replace(/(Z|[+-]\d\d:\d\d)$/, ' $1'); },
    // camelCase -> "camel case", for fields shown as they come.
    words: function (name) { return String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase(); },
    // Any value of a field shown as it comes.
    any: function (value) {
      if (value === null || value === undefined) { return none; }
      if (Array.isArray(value)) { return value.length ? value.map(R.fmt.any).join(', ') : none; }
      if (typeof value === 'object') { return JSON.stringify(value); }
      if (typeof value === 'boolean') { return value ? 'yes' : 'no'; }
      return typeof value === 'number' ? R.fmt.number(value) : String(value);
    },
  };

  // el('td', { class: 'u' }, 'text', child, ...): attributes as values, children as text or nodes.
  function el(tag, attributes) {
    var node = document.createElement(tag);
    setAll(node, attributes);
    for (var i = 2; i < arguments.length; i++) { add(node, arguments[i]); }
    return node;
  }

  function setAll(node, attributes) {
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value !== null && value !== undefined && value !== false) { node.setAttribute(name, String(value)); }
    });
  }

  function add(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { add(node, c); }); return; }
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  // A table: head = rows of { text, colspan, rowspan, scope, class }; body rows = { cells, class, data } where
  // the first cell is the row's header. Wrapped so a wide table scrolls on a narrow screen.
  function table(spec) {
    var head = el('thead', null, spec.head.map(function (row) {
      return el('tr', null, row.map(function (cell) {
        var c = typeof cell === 'object' ? cell : { text: cell };
        return el('th', { scope: c.scope || (c.colspan ? 'colgroup' : 'col'), colspan: c.colspan, rowspan: c.rowspan, class: c.class }, c.text);
      }));
    }));
    var body = el('tbody', null, spec.rows.map(function (row) {
      var tr = el('tr', row.attributes);
      if (row.class) { tr.className = row.class; }
      row.cells.forEach(function (cell, index) {
        var c = cell !== null && typeof cell === 'object' && !(cell instanceof Node) ? cell : { text: cell };
        tr.appendChild(index === 0 ? el('th', { scope: 'row', class: c.class }, c.text) : el('td', { class: c.class, title: c.title }, c.text));
      });
      return tr;
    }));
    return el('div', { class: 'scroll' }, el('table', { 'data-table': spec.id }, spec.caption ? el('caption', null, spec.caption) : null, head, body));
  }

  R.dom = {
    el: el,
    add: add,
    table: table,
    empty: function (text) { return el('p', { class: 'empty' }, text); },
    byId: function (id) { return document.getElementById(id); },
  };
})(window.PitcheyReport = window.PitcheyReport || {});
