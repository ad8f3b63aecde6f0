// Team formation (巡察组组建): best hard and soft score over solving time, from the element's data-src (JSON
// {status, points: [[elapsedMs, hard, soft], ...]}); refreshed every second while data-live is "true".
(function () {
  'use strict';

  function draw(chart, points) {
    chart.setOption({
      animation: false,
      grid: {left: 50, right: 50, top: 30, bottom: 40},
      legend: {data: ['硬约束', '软约束'], top: 0},
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      xAxis: {type: 'value', name: '秒', min: 0,
        axisLabel: {formatter: function (v) { return (v / 1000).toFixed(v < 10000 ? 1 : 0); }}},
      yAxis: [{type: 'value', name: '硬约束', min: 0, minInterval: 1}, {type: 'value', name: '软约束', min: 0, minInterval: 1}],
      series: [
        {name: '硬约束', type: 'line', step: 'end', symbol: 'none', yAxisIndex: 0, itemStyle: {color: '#b22222'},
          data: points.map(function (p) { return [p[0], p[1]]; })},
        {name: '软约束', type: 'line', step: 'end', symbol: 'none', yAxisIndex: 1, itemStyle: {color: '#1f5fa8'},
          data: points.map(function (p) { return [p[0], p[2]]; })}
      ]
    });
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
          draw(chart, data.points);
          element.dataset.points = String(data.points.length);
          if (live && data.status === 'SOLVING') {
            window.setTimeout(load, 1000);
          }
        });
    }
    load();
  });
})();
