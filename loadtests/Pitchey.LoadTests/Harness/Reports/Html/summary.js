// The page's head: what ran, the verdict with each threshold's, target against achieved rate per
// target, and the comparison with a baseline, delta by delta.
(function (R) {
  'use strict';
  var fmt = R.fmt, el = R.dom.el, table = R.dom.table, empty = R.dom.empty;

  function verdict(report) {
    if (report.exitCode === 130 || report.endedBy === 'cancelled') { return { text: 'CANCELLED', class: 'warn' }; }
    return report.passed ? { text: 'PASSED', class: 'pass' } : { text: 'FAILED', class: 'fail' };
  }

  function facts(pairs) {
    var list = el('dl', { class: 'facts' });
    pairs.forEach(function (pair) { if (pair[1] !== null) { list.appendChild(el('dt', null, pair[0])); list.appendChild(el('dd', null, pair[1])); } });
    return list;
  }

  R.summary = function (report, header) {
    var v = verdict(report), s = report.settings || {}, m = report.machine || {}, c = report.client || {};
    document.title = 'Load test ' + report.scenario + ' \u00b7 ' + v.text;
    R.dom.byId('title').textContent = 'Load test: ' + report.scenario;
    header.appendChild(el('p', null, el('span', { class: 'verdict ' + v.class, 'data-verdict': v.text.toLowerCase() }, v.text), ' exit code ' + report.exitCode));
    if (report.description) { header.appendChild(el('p', { class: 'muted' }, report.description)); }
    header.appendChild(facts([
      ['started', fmt.time(report.startedAt)],
      ['measured window', fmt.seconds(report.windowSeconds) + ' of ' + fmt.seconds(s.durationSeconds) + ' asked, ended by ' + report.endedBy
        + '; warm-up of ' + fmt.seconds(s.warmupSeconds) + ' discarded'],
      ['model', s.model === 'open'
        ? 'open (wrk2): ' + fmt.rate(s.rate) + ' requests/s asked over ' + fmt.count(s.connections) + ' connections, latency from the due time'
        : 'closed: ' + fmt.count(s.connections) + ' connections, each sending as soon as its last answer arrived'],
      ['targets', (report.targets || []).map(function (t) { return t.url; }).join(', ') || fmt.none],
      ['machine', fmt.count(m.processorCount) + ' cores, ' + m.os + ', ' + m.runtime
        + (typeof m.loadAverage === 'number' ? ', load average ' + fmt.number(m.loadAverage) + ' before the run' : '')],
      ['harness cost', fmt.number(c.cpuMicrosecondsPerRequest) + ' \u00b5s CPU and ' + fmt.number(c.allocatedBytesPerRequest) + ' bytes allocated per request'],
    ]));
    var targets = report.targets || [];
    header.appendChild(targets.length ? table({
      id: 'targets',
      caption: 'Rates asked for and achieved per target (corrected latencies in ms); with --compare, each compared target against the first.',
      head: [['target', { text: 'role', class: 'text' }, 'target /s', 'achieved /s', 'sent', 'errors %', 'p50', 'p99', 'rate vs first', 'p50 vs first', 'p99 vs first']],
      rows: targets.map(function (t, index) {
        var total = t.total || {}, ratio = t.ratioToFirst;
        return {
          cells: [{ text: t.url }, { text: t.role, class: 'text' }, total.targetRate === null ? fmt.none : fmt.rate(total.targetRate), fmt.rate(total.achievedRate), fmt.count(total.sent),
            fmt.percent(total.errorPercent), fmt.ms(total.corrected && total.corrected.p50Us), fmt.ms(total.corrected && total.corrected.p99Us),
            ratio ? fmt.ratio(ratio.achievedRate) : fmt.none, ratio ? fmt.ratio(ratio.p50) : fmt.none, ratio ? fmt.ratio(ratio.p99) : fmt.none],
          attributes: { 'data-target': index },
        };
      }),
    }) : empty('No targets in this report.'));
  };

  function thresholdRows(thresholds, pass, fail) {
    return thresholds.map(function (t) {
      return {
        cells: [{ text: el('code', null, t.expression) }, { text: t.label === null || t.label === undefined ? 'total' : t.label, class: 'text' },
          t.actual === null || t.actual === undefined ? 'nothing to judge' : fmt.unit(t.actual, t.unit), t.operator + ' ' + fmt.unit(t.limit, t.unit),
          { text: t.passed ? pass : fail, class: t.passed ? 'pass' : 'fail' }],
        attributes: { 'data-passed': String(!!t.passed) },
      };
    });
  }

  R.thresholdsTable = function (report, section) {
    var thresholds = report.thresholds || [];
    section.appendChild(thresholds.length ? table({
      id: 'thresholds',
      caption: 'Judged on the first target over the measured window; one not met fails the run (exit code 3).',
      head: [['threshold', { text: 'applies to', class: 'text' }, 'figure', 'limit', 'verdict']],
      rows: thresholdRows(thresholds, 'met', 'NOT MET'),
    }) : empty('No thresholds were given (--threshold \'p99<5ms\' ...).'));
  };

  function deltaValue(figure, value) {
    return figure === 'p50' || figure === 'p99' ? fmt.ms(value) + ' ms' : figure === 'rps' ? fmt.rate(value) + '/s' : fmt.percent(value);
  }

  R.baselineTables = function (report, section) {
    var b = report.baseline;
    if (!b) { section.appendChild(empty('No baseline was compared (--baseline FILE).')); return; }
    section.appendChild(el('p', null, el('span', { class: 'verdict ' + (b.passed ? 'pass' : 'fail') }, b.passed ? 'NO REGRESSION' : 'REGRESSION'),
      ' against ', el('code', null, b.file), ', tolerance ' + fmt.number(b.tolerancePercent) + ' %'));
    var deltas = b.deltas || [];
    section.appendChild(deltas.length ? table({
      id: 'deltas',
      head: [['figure', 'baseline', 'now', 'change', 'verdict']],
      rows: deltas.map(function (d) {
        return {
          cells: [(d.label === null || d.label === undefined ? 'total' : d.label) + ' ' + d.figure, deltaValue(d.figure, d.baseline), deltaValue(d.figure, d.current),
            fmt.change(d.changePercent, d.figure === 'errors' ? 'pp' : '%'), { text: d.regressed ? 'REGRESSED' : 'ok', class: d.regressed ? 'fail' : 'pass' }],
        };
      }),
    }) : empty('No figures to compare.'));
    if ((b.thresholds || []).length) {
      section.appendChild(table({
        id: 'baseline-thresholds',
        caption: 'The baseline\u2019s thresholds that held there, judged again on this run.',
        head: [['threshold', { text: 'applies to', class: 'text' }, 'figure', 'limit', 'verdict']],
        rows: thresholdRows(b.thresholds, 'still holds', 'NO LONGER HOLDS'),
      }));
    }
    if ((b.notes || []).length) {
      section.appendChild(el('ul', { class: 'notes' }, b.notes.map(function (n) { return el('li', null, n); })));
    }
  };
})(window.PitcheyReport = window.PitcheyReport || {});
