// Inspection form: picking an organization from the target search appends its code to the targets field.
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var search = event.target.closest('#target-search');
    if (!search) {
      return;
    }
    var code = search.value.trim();
    var known = Array.prototype.some.call(document.querySelectorAll('#target-options option'), function (o) {
      return o.value === code;
    });
    var targets = document.getElementById('targets');
    if (known && targets) {
      var codes = targets.value.split(/[\s,，、;；]+/).filter(function (c) { return c; });
      if (codes.indexOf(code) < 0) {
        codes.push(code);
      }
      targets.value = codes.join('\n');
      search.value = '';
    }
  });
})();

// Rounds timeline (上下联动): one bar per round of a body, from its station date (进驻) to its feedback date (反馈),
// red once the team has actually stationed, light while planned, and a mark at its withdrawal date (撤离). Data from
// the element's data-src (JSON); the table below the chart carries the same figures for screen readers. Every round
// keeps its label: the chart grows with the rows (up to three lines of label each), labels wrap within the left margin
// and the axis shows each (interval 0) instead of leaving out those that would overlap. What was drawn is written
// to data-series ("label=进驻 …，撤离 …，反馈 …（实际|计划）; …"), for people who cannot see the canvas and for the tests.
(function () {
  'use strict';
  var DAY = 86400000;
  var ROW = 48; // px per round: a label of up to three lines and its bar
  var LABEL = 260; // px of left margin the labels wrap within

  function days(iso) {
    var p = iso.split('-');
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY;
  }

  function iso(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  function kind(r) {
    return r.actual ? '实际' : '计划';
  }

  function describe(element, rows) {
    element.setAttribute('data-series', rows.map(function (r) {
      return r.label + '=进驻 ' + r.from + '，撤离 ' + r.withdraw + '，反馈 ' + r.to + '（' + kind(r) + '）';
    }).join('; '));
  }

  function draw(element, rows) {
    describe(element, rows);
    if (!rows.length || typeof echarts === 'undefined') {
      element.classList.add('d-none');
      return;
    }
    // CSSOM, not a style attribute: the CSP allows the one and refuses the other
    element.style.height = Math.max(220, rows.length * ROW + 100) + 'px';
    var min = Math.min.apply(null, rows.map(function (r) { return days(r.from); }));
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    var bar = {type: 'bar', stack: 'span', barMaxWidth: 22};
    chart.setOption({
      animation: false,
      grid: {left: LABEL + 16, right: 40, top: 64, bottom: 24}, // top: the legend above the dates above the bars
      tooltip: {trigger: 'item', renderMode: 'richText', formatter: function (p) {
        var r = rows[p.dataIndex];
        return r.label + '\n进驻 ' + r.from + '，撤离 ' + r.withdraw + '，反馈 ' + r.to + '（' + kind(r) + '）';
      }},
      legend: {data: ['计划', '实际', '撤离'], top: 4, left: 'center'},
      xAxis: {type: 'value', min: 0, position: 'top', axisLabel: {formatter: function (v) { return iso(min + v); }}},
      yAxis: {type: 'category', inverse: true, data: rows.map(function (r) { return r.label; }),
        axisLabel: {interval: 0, width: LABEL, overflow: 'break', lineHeight: 14}},
      series: [
        Object.assign({name: 'offset', silent: true, itemStyle: {color: 'rgba(0,0,0,0)'},
          data: rows.map(function (r) { return days(r.from) - min; })}, bar),
        Object.assign({name: '计划', itemStyle: {color: '#9fb7d9'},
          data: rows.map(function (r) { return r.actual ? 0 : days(r.to) - days(r.from) + 1; })}, bar),
        Object.assign({name: '实际', itemStyle: {color: '#b22222'},
          data: rows.map(function (r) { return r.actual ? days(r.to) - days(r.from) + 1 : 0; })}, bar),
        {name: '撤离', type: 'scatter', symbol: 'diamond', symbolSize: 11, z: 5, itemStyle: {color: '#333'},
          data: rows.map(function (r, i) { return [days(r.withdraw) - min, i]; })}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('round-timeline-chart');
    if (!element) {
      return;
    }
    fetch(element.dataset.src, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (data) { draw(element, data.rows); });
  });
})();
