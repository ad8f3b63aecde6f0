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

// Rounds timeline (上下联动): one bar per round of a body, from its station date to its feedback date.
// Data from the element's data-src (JSON); the table below the chart carries the same figures for screen readers.
(function () {
  'use strict';
  var DAY = 86400000;

  function days(iso) {
    var p = iso.split('-');
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY;
  }

  function iso(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  function draw(element, rows) {
    if (!rows.length || typeof echarts === 'undefined') {
      element.classList.add('d-none');
      return;
    }
    var min = Math.min.apply(null, rows.map(function (r) { return days(r.from); }));
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      grid: {left: 220, right: 30, top: 30, bottom: 40},
      tooltip: {trigger: 'item', renderMode: 'richText', formatter: function (p) {
        var r = rows[p.dataIndex];
        return r.label + '\n' + r.from + ' 至 ' + r.to + (r.actual ? '（实际）' : '（计划）');
      }},
      legend: {data: ['计划', '实际'], top: 0},
      // 实际: the round has an actual station date (its end may still be planned)
      xAxis: {type: 'value', min: 0, axisLabel: {formatter: function (v) { return iso(min + v); }}},
      yAxis: {type: 'category', inverse: true, data: rows.map(function (r) { return r.label; })},
      series: [
        {name: 'offset', type: 'bar', stack: 'span', barMaxWidth: 28, silent: true, itemStyle: {color: 'rgba(0,0,0,0)'},
          data: rows.map(function (r) { return days(r.from) - min; })},
        {name: '计划', type: 'bar', stack: 'span', barMaxWidth: 28, itemStyle: {color: '#9fb7d9'},
          data: rows.map(function (r) { return r.actual ? 0 : days(r.to) - days(r.from) + 1; })},
        {name: '实际', type: 'bar', stack: 'span', barMaxWidth: 28, itemStyle: {color: '#b22222'},
          data: rows.map(function (r) { return r.actual ? days(r.to) - days(r.from) + 1 : 0; })}
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
