// The report's tables, generic over scenarios: one row per target and per label (whatever labels a
// scenario has), every error kind and status code that occurred, every server-side section and counter,
// every event, every setting. Missing parts say so instead of leaving a blank.
(function (R) {
  'use strict';
  var fmt = R.fmt, el = R.dom.el, table = R.dom.table, empty = R.dom.empty;

  // One row per target total, then its labels (when it has several; one label is the total itself).
  R.seriesRows = function (report) {
    var rows = [];
    (report.targets || []).forEach(function (t, index) {
      var labels = t.labels || [];
      var only = labels.length === 1 ? ' \u00b7 ' + labels[0].label : '';
      rows.push({ name: fmt.target(t.url) + only, data: t.total, target: t, index: index, label: null });
      if (labels.length > 1) {
        labels.forEach(function (l) { rows.push({ name: String(l.label), data: l, target: t, index: index, label: String(l.label) }); });
      }
    });
    return rows;
  };

  function rowOf(row, cells) {
    return { cells: [row.name].concat(cells), class: row.label === null ? 'total' : 'label', attributes: { 'data-target': row.index, 'data-label': row.label } };
  }

  R.requestsTable = function (report, section) {
    var rows = R.seriesRows(report);
    if (!rows.length) { section.appendChild(empty('No targets in this report.')); return; }
    section.appendChild(table({
      id: 'requests',
      caption: 'Requests of the measured window (due in it, open model; sent in it, closed). Dropped requests were due but never sent; they have no label.',
      head: [['series', 'sent', 'ok', 'errors', 'errors %', 'late', 'dropped', 'achieved /s', 'target /s', 'active s', 'connections opened']],
      rows: rows.map(function (row) {
        var s = row.data, total = row.label === null;
        return rowOf(row, [fmt.count(s.sent), fmt.count(s.ok), fmt.count(s.errors && s.errors.total), fmt.percent(s.errorPercent), fmt.count(s.late),
          s.dropped === null || s.dropped === undefined ? fmt.none : fmt.count(s.dropped), fmt.rate(s.achievedRate),
          total && s.targetRate !== null ? fmt.rate(s.targetRate) : fmt.none, fmt.seconds(s.activeSeconds), total ? fmt.count(row.target.connects) : fmt.none]);
      }),
    }));
  };

  R.latencyTable = function (report, section) {
    var rows = R.seriesRows(report);
    if (!rows.length) { section.appendChild(empty('No targets in this report.')); return; }
    var figures = [['p50', 'p50Us'], ['p90', 'p90Us'], ['p99', 'p99Us'], ['p99.9', 'p999Us'], ['max', 'maxUs'], ['mean', 'meanUs']];
    var second = [];
    figures.forEach(function () { second.push({ text: 'corrected' }, { text: 'uncorrected', class: 'u' }); });
    section.appendChild(table({
      id: 'latency',
      caption: 'Milliseconds. Corrected latency runs from when a request was due (coordinated omission corrected), uncorrected from when it was sent; in the closed model they are the same. Send lag: how late the harness itself sent (open model).',
      head: [[{ text: 'series', rowspan: 2 }].concat(figures.map(function (f) { return { text: f[0], colspan: 2 }; }), [{ text: 'send lag p99', rowspan: 2 }]), second],
      rows: rows.map(function (row) {
        var c = row.data.corrected || {}, u = row.data.uncorrected || {}, cells = [];
        figures.forEach(function (f) { cells.push(fmt.ms(c[f[1]]), { text: fmt.ms(u[f[1]]), class: 'u' }); });
        cells.push(row.data.sendLag && row.data.sendLag.count ? fmt.ms(row.data.sendLag.p99Us) : fmt.none);
        return rowOf(row, cells);
      }),
    }));
    (report.targets || []).forEach(function (t) { section.appendChild(timelineDetails(t)); });
  };

  function timelineDetails(target) {
    var timeline = (target.total && target.total.timeline) || [];
    var details = el('details', null, el('summary', null, 'Per second: ' + fmt.target(target.url) + ' (' + timeline.length + ' s)'));
    details.appendChild(timeline.length ? table({
      id: 'timeline',
      caption: 'By completion time; latencies corrected except the last column, in milliseconds.',
      head: [['second', 'completed', 'ok', 'errors', 'p50', 'p90', 'p99', 'max', 'uncorrected p99']],
      rows: timeline.map(function (p) {
        return { cells: [String(p.second), fmt.count(p.completed), fmt.count(p.ok), fmt.count(p.errors), fmt.ms(p.p50Us), fmt.ms(p.p90Us), fmt.ms(p.p99Us), fmt.ms(p.maxUs), { text: fmt.ms(p.uncorrectedP99Us), class: 'u' }] };
      }),
    }) : empty('No second had a completed request.'));
    return details;
  }

  function union(rows, pick) {
    var keys = {};
    rows.forEach(function (row) { Object.keys(pick(row.data) || {}).forEach(function (k) { keys[k] = true; }); });
    return Object.keys(keys).sort();
  }

  R.errorsTables = function (report, section) {
    var rows = R.seriesRows(report);
    var failing = rows.some(function (row) { return row.data.errors && row.data.errors.total > 0; });
    section.appendChild(el('h3', null, 'Errors by kind'));
    if (!failing) {
      section.appendChild(empty(rows.some(function (row) { return row.data.sent > 0; })
        ? 'No errors: every request of the window was answered 2xx or 3xx in time.' : 'No errors, and nothing was sent.'));
    } else {
      var codes = union(rows, function (s) { return s.errors && s.errors.status; });
      section.appendChild(table({
        id: 'errors',
        caption: 'HTTP status: whole answers other than 2xx/3xx; timeout: no whole answer in time; refused: connection refused; reset/closed: the connection ended before the answer was whole.',
        head: [['series', 'errors'].concat(codes.map(function (c) { return 'status ' + c; }), ['timeout', 'refused', 'reset/closed', 'other'])],
        rows: rows.map(function (row) {
          var e = row.data.errors || {};
          return rowOf(row, [fmt.count(e.total)].concat(codes.map(function (c) { return fmt.count((e.status || {})[c] || 0); }),
            [fmt.count(e.timeout), fmt.count(e.refused), fmt.count(e.reset), fmt.count(e.other)]));
        }),
      }));
    }

    section.appendChild(el('h3', null, 'Answers by status'));
    var statuses = union(rows, function (s) { return s.statuses; });
    section.appendChild(statuses.length ? table({
      id: 'statuses',
      caption: 'Whole answers per HTTP status code, errors included.',
      head: [['series'].concat(statuses)],
      rows: rows.map(function (row) { return rowOf(row, statuses.map(function (c) { return fmt.count((row.data.statuses || {})[c] || 0); })); }),
    }) : empty('No whole answer arrived.'));
  };

  R.serverTables = function (report, section) {
    var sides = report.serverSide || [];
    if (!sides.length) { section.appendChild(empty('No server-side sampler ran (give --connection, --standin or --management).')); return; }
    sides.forEach(function (side) {
      section.appendChild(el('h3', { 'data-sampler': side.name }, side.title + ' ', el('span', { class: side.available ? 'pass' : 'warn' }, side.available ? '(available)' : '(not available)')));
      if (side.note) { section.appendChild(el('p', { class: 'muted' }, side.note)); }
      var counters = side.counters || [];
      section.appendChild(counters.length ? table({
        id: 'server-' + side.name,
        head: [['counted during the window', 'value', 'client requests per one']],
        rows: counters.map(function (c) { return { cells: [String(c.name), fmt.number(c.value), c.requestsPer === null || c.requestsPer === undefined ? fmt.none : fmt.rate(c.requestsPer)] }; }),
      }) : empty(side.available ? 'No counters.' : 'Nothing was counted: the source could not be read.'));
      var statements = side.statements || [];
      if (statements.length) {
        section.appendChild(table({
          id: 'statements-' + side.name,
          caption: 'Per statement during the window, most total time first.',
          head: [['statement', 'calls', 'total ms', 'mean ms']],
          rows: statements.map(function (s) { return { cells: [{ text: el('code', null, s.query) }, fmt.count(s.calls), fmt.number(s.totalMs), fmt.number(s.meanMs)] }; }),
        }));
      }
    });
  };

  R.eventsTable = function (report, section) {
    var events = report.events || [];
    if (!events.length) { section.appendChild(empty('No events: the scenario took no timed action and observed nothing.')); return; }
    section.appendChild(table({
      id: 'events',
      caption: 'Events in the window are the numbered markers on the time charts.',
      head: [['#', 'at', { text: 'when', class: 'text' }, { text: 'event', class: 'text' }, { text: 'detail', class: 'text' }]],
      rows: events.map(function (e, i) {
        var when = e.atSeconds < 0 ? 'warm-up (not charted)' : e.atSeconds > (report.windowSeconds || 0) ? 'after the window' : 'window';
        return { cells: [String(i + 1), fmt.seconds(e.atSeconds), { text: when, class: 'text' }, { text: e.name, class: 'text' }, { text: e.detail === null || e.detail === undefined ? fmt.none : e.detail, class: 'text' }] };
      }),
    }));
  };

  // Settings, machine and the harness's cost, every field as it comes.
  R.runTables = function (report, section) {
    [['settings', 'Asked for (the command line)'], ['machine', 'Where it ran'], ['client', 'What the harness cost']].forEach(function (part) {
      var value = report[part[0]];
      section.appendChild(el('h3', null, part[1]));
      section.appendChild(value && typeof value === 'object' ? table({
        id: part[0],
        head: [['field', { text: 'value', class: 'text' }]],
        rows: Object.keys(value).map(function (key) { return { cells: [fmt.words(key), { text: fmt.any(value[key]), class: 'text' }] }; }),
      }) : empty('Not in this report.'));
    });
  };
})(window.PitcheyReport = window.PitcheyReport || {});
