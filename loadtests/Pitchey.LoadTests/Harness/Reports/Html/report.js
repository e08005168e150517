// Reads the report embedded as JSON and draws the page; marks <body> with data-rendered="N" (the charts
// drawn) when everything is done, so a headless browser can tell a finished page from a broken one.
(function (R) {
  'use strict';
  var el = R.dom.el, byId = R.dom.byId;
  var report = JSON.parse(byId('report-data').textContent);

  function charts(section) {
    var views = R.views(report);
    // "#view=labels-0" opens the charts on that view (a link to it, or a browser test).
    var first = views.filter(function (v) { return location.hash === '#view=' + v.id; })[0] || views[0];
    var grid = el('div', { class: 'charts' });
    var showing = el('span', { class: 'muted', id: 'charts-showing' });
    var controls = el('div', { class: 'controls' });
    if (views.length > 1) {
      var select = el('select', { id: 'charts-view' }, views.map(function (v, i) { return el('option', { value: i, selected: v === first }, v.name); }));
      controls.appendChild(el('label', { for: 'charts-view' }, 'Charts show'));
      controls.appendChild(select);
      select.addEventListener('change', function () {
        draw(views[+select.value]);
        try { history.replaceState(null, '', '#view=' + current.id); } catch (e) { /* a page opened where history is not allowed keeps its address */ }
      });
      select.value = String(views.indexOf(first));
    }
    controls.appendChild(showing);
    section.appendChild(controls);
    section.appendChild(grid);

    var current = first, drawnAt = 0;
    function width() { return grid.clientWidth ? grid.clientWidth - 26 : 0; }

    function draw(view) {
      current = view;
      drawnAt = width();
      showing.textContent = 'Showing ' + view.name + '.';
      while (grid.firstChild) { grid.removeChild(grid.firstChild); }
      var drawn = 0;
      R.chartSpecs.forEach(function (make) {
        var spec = make(report, view);
        var chart = R.lineChart(spec, drawnAt);
        grid.appendChild(el('figure', { class: 'chart', 'data-kind': spec.kind },
          el('figcaption', null, el('h3', null, spec.title), el('p', null, spec.description)), chart.node, chart.lines ? R.legend(spec.lines.filter(function (l) {
            return l.points.some(function (p) { return p !== null; });
          })) : null));
        drawn++;
      });
      return drawn;
    }

    // Drawn again for a much wider or narrower window (a phone turned, a window resized), not for every pixel.
    window.addEventListener('resize', function () {
      if (Math.abs(width() - drawnAt) > 60) { draw(current); }
    });
    return draw(first);
  }

  var loading = byId('loading');
  loading.parentNode.removeChild(loading);
  R.summary(report, byId('summary'));
  R.thresholdsTable(report, byId('thresholds'));
  R.baselineTables(report, byId('baseline'));
  R.requestsTable(report, byId('requests'));
  R.latencyTable(report, byId('latency'));
  R.errorsTables(report, byId('errors'));
  var drawn = charts(byId('charts'));
  R.serverTables(report, byId('server'));
  R.eventsTable(report, byId('events'));
  R.runTables(report, byId('run'));
  byId('footer').appendChild(document.createTextNode(' Report schema ' + report.schemaVersion + '.'));
  document.body.setAttribute('data-rendered', String(drawn));
})(window.PitcheyReport);
