// The three charts, built from the report alone and for any scenario: latency over time, the percentile
// distribution and throughput over time, each for one "view" (every target's total, or one target's
// labels), with the run's events as numbered markers on the two time charts.
(function (R) {
  'use strict';
  var fmt = R.fmt, COLOURS = 8;

  // What the charts can show: every target's total first, then each target's labels (where it has several).
  R.views = function (report) {
    var targets = report.targets || [];
    var many = targets.length > 1;
    var views = [{
      id: 'totals', totals: true,
      name: many ? 'every target\u2019s total' : 'all requests' + (targets.length ? ' to ' + fmt.target(targets[0].url) : ''),
      series: targets.map(function (t, i) { return { name: fmt.target(t.url) + (t.role === 'compare' ? ' (compared)' : ''), data: t.total, colour: i % COLOURS }; }),
    }];
    targets.forEach(function (t, index) {
      if ((t.labels || []).length > 1) {
        views.push({
          id: 'labels-' + index, totals: false, name: 'each label of ' + fmt.target(t.url),
          series: t.labels.map(function (l, i) { return { name: String(l.label), data: l, colour: i % COLOURS }; }),
        });
      }
    });
    return views;
  };

  R.markers = function (report) {
    return (report.events || []).map(function (e, i) {
      return { x: e.atSeconds, label: String(i + 1), title: (i + 1) + ': ' + e.name + ' at ' + fmt.seconds(e.atSeconds) + (e.detail ? ' (' + e.detail + ')' : '') };
    });
  };

  // One value per second of a timeline, at the middle of its second; `gap` where a second is missing.
  function perSecond(timeline, value, gap) {
    var points = [], next = 0;
    (timeline || []).slice().sort(function (a, b) { return a.second - b.second; }).forEach(function (p) {
      for (; next < p.second; next++) { points.push(gap === null ? null : [next + 0.5, gap]); }
      var v = value(p);
      points.push(v === null ? null : [p.second + 0.5, v]);
      next = p.second + 1;
    });
    return points;
  }

  function timeAxis(report, view) {
    var end = Math.max(1, report.windowSeconds || 0);
    view.series.forEach(function (s) { (s.data.timeline || []).forEach(function (p) { end = Math.max(end, p.second + 1); }); });
    (report.events || []).forEach(function (e) { if (e.atSeconds > end) { end = e.atSeconds; } });
    return { min: 0, max: end, ticks: R.ticks(0, end, 8).filter(function (v) { return v <= end; }).map(function (v) { return { value: v, label: fmt.number(v) }; }) };
  }

  function names(view) { return view.series.map(function (s) { return s.name; }).join(', ') || 'nothing'; }

  function latency(report, view) {
    var lines = [];
    view.series.forEach(function (s) {
      var at = function (field) { return perSecond(s.data.timeline, function (p) { return p.completed > 0 ? p[field] / 1000 : null; }, null); };
      lines.push({ name: s.name + ' p99', colour: s.colour, style: 'solid', points: at('p99Us') });
      lines.push({ name: s.name + ' p50', colour: s.colour, style: 'dashed', points: at('p50Us') });
    });
    return {
      kind: 'latency', title: 'Latency over time',
      description: 'Corrected latency (from each request\u2019s due time) of the requests completed in each second of the measured window, p99 solid and p50 dashed, in milliseconds, for '
        + names(view) + '. Numbered markers are the run\u2019s events.',
      xLabel: 'seconds into the measured window', yLabel: 'ms', yFormat: fmt.number,
      x: timeAxis(report, view), lines: lines, markers: R.markers(report),
      noData: 'No data: no request completed in the window.',
    };
  }

  function nines(percentile) { return -Math.log(1 - percentile / 100) / Math.LN10; }

  function ninesLabel(k) { return k === 0 ? '0 %' : k === 1 ? '90 %' : k === 2 ? '99 %' : '99.' + new Array(k - 1).join('9') + ' %'; }

  function distribution(report, view) {
    var lines = [], right = 1;
    view.series.forEach(function (s) {
      ['corrected', 'uncorrected'].forEach(function (kind, k) {
        var histogram = s.data[kind];
        if (!histogram) { return; }
        // 100 % has no place on a nines axis: the largest of n values sits at about log10(n) nines.
        var cap = histogram.count > 1 ? Math.log(histogram.count) / Math.LN10 : 1, last = 0;
        var points = (histogram.distribution || []).map(function (d) {
          last = d.percentile >= 100 ? Math.max(cap, last) : nines(d.percentile);
          right = Math.max(right, last);
          return [last, d.valueUs / 1000];
        });
        lines.push({ name: s.name + ' ' + kind, colour: s.colour, style: k ? 'dashed' : 'solid', points: points });
      });
    });
    var top = Math.ceil(right - 1e-9), ticks = [];
    for (var k = 0; k <= top; k++) { ticks.push({ value: k, label: ninesLabel(k) }); }
    return {
      kind: 'distribution', title: 'Latency by percentile',
      description: 'The whole latency distribution of the measured window in milliseconds against the percentile on a log-scaled \u201cnines\u201d axis (90 %, 99 %, 99.9 %, \u2026), corrected solid and uncorrected dashed (the same in the closed model), for '
        + names(view) + '.',
      xLabel: 'percentile (nines)', yLabel: 'ms', yFormat: fmt.number,
      x: { min: 0, max: top, ticks: ticks }, lines: lines, markers: [],
      noData: 'No data: nothing was measured in the window.',
    };
  }

  function throughput(report, view) {
    var lines = [], axis = timeAxis(report, view), settings = report.settings || {};
    view.series.forEach(function (s) {
      lines.push({ name: s.name + ' achieved', colour: s.colour, style: 'solid', points: perSecond(s.data.timeline, function (p) { return p.completed; }, 0) });
      if ((s.data.timeline || []).some(function (p) { return p.errors > 0; })) {
        lines.push({ name: s.name + ' errors', colour: s.colour, style: 'dotted', points: perSecond(s.data.timeline, function (p) { return p.errors; }, 0) });
      }
    });
    var extra = view.series.length % COLOURS;
    if (view.totals && view.series.length > 1) {
      var sum = {};
      view.series.forEach(function (s) { (s.data.timeline || []).forEach(function (p) { sum[p.second] = (sum[p.second] || 0) + p.completed; }); });
      var timeline = Object.keys(sum).map(function (second) { return { second: +second, completed: sum[second] }; });
      lines.push({ name: 'all targets achieved', colour: extra, style: 'solid', points: perSecond(timeline, function (p) { return p.completed; }, 0) });
    }
    if (view.totals && typeof settings.rate === 'number') {
      lines.push({ name: 'target rate' + (view.series.length > 1 ? ' (all targets)' : ''), colour: extra, style: 'dashed', points: [[axis.min, settings.rate], [axis.max, settings.rate]] });
    }
    return {
      kind: 'throughput', title: 'Throughput over time',
      description: 'Requests completed in each second of the measured window (solid), errors among them (dotted, where there were any)'
        + (typeof settings.rate === 'number' ? ' and the rate asked for (dashed)' : '') + ', in requests per second, for ' + names(view) + '. '
        + (typeof settings.rate === 'number' ? '' : 'Closed model: as fast as possible, no rate asked for. ') + 'Numbered markers are the run\u2019s events.',
      xLabel: 'seconds into the measured window', yLabel: 'requests/s', yFormat: fmt.compact,
      x: axis, lines: lines, markers: R.markers(report),
      noData: 'No data: no request completed in the window.',
    };
  }

  R.chartSpecs = [latency, distribution, throughput];
})(window.PitcheyReport = window.PitcheyReport || {});
