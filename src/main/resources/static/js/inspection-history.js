// Inspection history: one line per check of a target, drawn with ECharts from the numbers the page carries
// (data-series: {at: [...], values: [...]}), with the unit on the axis.
(function () {
  document.querySelectorAll('.inspection-trend').forEach((element) => {
    if (element.dataset.drawn) {
      return;
    }
    element.dataset.drawn = 'true';
    const data = JSON.parse(element.dataset.series);
    const chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 24 },
      xAxis: { type: 'category', data: data.at, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: element.dataset.unit, nameTextStyle: { fontSize: 11 } },
      series: [{ type: 'line', data: data.values, connectNulls: true, showSymbol: true, symbolSize: 7, itemStyle: { color: '#206bc4' } }]
    });
    window.addEventListener('resize', () => chart.resize());
  });
})();
