// Coverage (全覆盖) charts: reads the term's figures from the JSON API named in data-source on
// #coverage-gauge and draws a gauge (overall), a bar per sector and a bar per county with ECharts.
// Tooltips render in the canvas (renderMode richText): HTML tooltips would need inline styles the CSP forbids.
(function () {
  'use strict';

  // '-' is ECharts' "no value": a slice with nothing planned has no rate, not 0 %
  function percent(f) {
    return f.planned === 0 ? '-' : Math.round(f.covered * 1000 / f.planned) / 10;
  }

  function shown(value) {
    return typeof value === 'number' && !isNaN(value) ? value.toFixed(1) + '%' : '—';
  }

  // What the chart was given, for people who cannot see the canvas (and for the tests): label=value; …
  function describe(el, labels, values) {
    el.setAttribute('data-series', labels.map(function (l, i) { return l + '=' + shown(values[i]); }).join('; '));
  }

  function bar(el, figures) {
    if (!el || !figures || figures.length === 0) {
      return null;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var labels = figures.map(function (f) { return f.label; });
    var values = figures.map(percent);
    describe(el, labels, values);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: labels,
               axisLabel: { interval: 0, rotate: figures.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', name: '覆盖率', data: values,
                 label: { show: true, position: 'top', formatter: function (p) { return shown(p.value); } } }]
    });
    return chart;
  }

  function gauge(el, overall) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var value = percent(overall);
    describe(el, ['总体'], [value]);
    chart.setOption({
      animation: false,
      series: [{ type: 'gauge', min: 0, max: 100, radius: '95%',
                 title: { offsetCenter: [0, '75%'] },
                 detail: { formatter: function (v) { return shown(v); }, fontSize: 18, offsetCenter: [0, '40%'] },
                 data: [{ value: value === '-' ? 0 : value, name: '总体' }] }]
    });
    return chart;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var gaugeEl = document.getElementById('coverage-gauge');
    if (!gaugeEl || typeof echarts === 'undefined') {
      return;
    }
    fetch(gaugeEl.getAttribute('data-source'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (report) {
        var charts = [gauge(gaugeEl, report.overall),
                      bar(document.getElementById('coverage-sectors'), report.bySector),
                      bar(document.getElementById('coverage-counties'),
                          (report.byCounty || []).map(function (c) { return c.figure; }))];
        gaugeEl.setAttribute('data-ready', 'true');
        window.addEventListener('resize', function () {
          charts.forEach(function (c) { if (c) { c.resize(); } });
        });
      });
  });
})();
