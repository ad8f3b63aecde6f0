// Team formation (巡察组组建): best hard and soft score over solving time, from the element's data-src (JSON
// {status, points: [[elapsedMs, hard, soft], ...]}, the run's recorded progress); refreshed every second while
// data-live is "true". Every recorded point is drawn with its symbol: a solve that finds 0/0 at once has one or two
// points, all on the zero line, and a bare line there would be hidden by the axis. What was drawn is written to
// data-series ("1.492秒=硬约束 0，软约束 0; …") for people who cannot see the canvas, and for the tests.
(function () {
  'use strict';

  // exact, without floating point: 1492 -> "1.492"
  function seconds(ms) {
    var rest = String(ms % 1000);
    return Math.floor(ms / 1000) + '.' + '000'.slice(rest.length) + rest;
  }

  function describe(element, points) {
    element.setAttribute('data-series', points.map(function (p) {
      return seconds(p[0]) + '秒=硬约束 ' + p[1] + '，软约束 ' + p[2];
    }).join('; '));
  }

  function series(name, index, color, points, offset) {
    return {name: name, type: 'line', step: 'end', yAxisIndex: index, z: 4 - index, // hard above soft, larger: at 0/0 both lie on the zero line
      showSymbol: true, symbol: 'circle', symbolSize: index === 0 ? 9 : 6, lineStyle: {width: 2}, itemStyle: {color: color},
      endLabel: {show: true, offset: offset, formatter: function (p) { return name + ' ' + p.value[1]; }},
      data: points.map(function (p) { return [p[0], p[index + 1]]; })};
  }

  function draw(chart, points, status) {
    var empty = points.length === 0;
    chart.setOption({
      animation: false,
      grid: {left: 50, right: 110, top: 36, bottom: 40},
      legend: {data: ['硬约束', '软约束'], top: 0},
      title: {show: empty, text: status === 'SOLVING' ? '正在构造初始方案…' : '尚无得分记录',
        left: 'center', top: 'middle', textStyle: {fontSize: 14, fontWeight: 'normal', color: '#6c757d'}},
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      xAxis: {type: 'value', name: '秒', min: 0,
        axisLabel: {formatter: function (v) { return (v / 1000).toFixed(v < 10000 ? 1 : 0); }}},
      yAxis: [{type: 'value', name: '硬约束', min: 0, minInterval: 1},
        {type: 'value', name: '软约束', min: 0, minInterval: 1, splitLine: {show: false}}],
      series: [series('硬约束', 0, '#b22222', points, [6, -8]), series('软约束', 1, '#1f5fa8', points, [6, 8])]
    });
    if (!empty && points[0][0] > 0) {
      // before the first point the solver has no complete plan yet, so there is no score to draw
      chart.setOption({series: [{name: '硬约束', markArea: {silent: true, itemStyle: {color: 'rgba(108,117,125,0.08)'},
        label: {color: '#6c757d', position: 'inside'},
        data: [[{name: '构造初始方案', xAxis: 0}, {xAxis: points[0][0]}]]}}]});
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('staffing-chart');
    if (!element || typeof echarts === 'undefined') {
      return;
    }
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    window.addEventListener('resize', function () { chart.resize(); });
    var live = element.dataset.live === 'true';

    function load() {
      fetch(element.dataset.src, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.json(); })
        .then(function (data) {
          draw(chart, data.points, data.status);
          describe(element, data.points);
          element.setAttribute('data-status', data.status);
          if (live && data.status === 'SOLVING') {
            window.setTimeout(load, 1000);
          }
        });
    }
    load();
  });
})();
