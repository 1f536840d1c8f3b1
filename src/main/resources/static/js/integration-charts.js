// Integration statistics: the channel page's chart and the channel list's sparklines, drawn with ECharts from the
// counts the page carries (data-series); no content, only numbers per minute or hour.
(function () {
  function zoneOffset(zone) {
    const now = new Date();
    const inZone = new Date(now.toLocaleString('en-US', { timeZone: zone }));
    const inUtc = new Date(now.toLocaleString('en-US', { timeZone: 'UTC' }));
    return inZone.getTime() - inUtc.getTime();
  }

  const chartElement = document.getElementById('integration-chart');
  if (chartElement && !chartElement.dataset.drawn) {
    chartElement.dataset.drawn = 'true';
    const data = JSON.parse(chartElement.dataset.series);
    const labels = chartElement.dataset;
    // Times drawn as UTC after shifting by the hospital's offset read as its wall clock wherever the browser runs.
    const shift = zoneOffset(labels.zone || 'Asia/Shanghai');
    const times = data.at.map((t) => Date.parse(t) + shift);
    const line = (name, values, color, axis) => ({
      name, type: 'line', showSymbol: false, yAxisIndex: axis || 0, itemStyle: { color },
      data: times.map((t, i) => [t, values[i]])
    });
    const chart = echarts.init(chartElement);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      // Below the plot and wrapping: a narrow card has room for every series' name there, none is paged away.
      legend: { bottom: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 } },
      grid: { left: 32, right: 40, top: 24, bottom: 72 },
      xAxis: { type: 'time', splitNumber: 4, axisLabel: { hideOverlap: true,
        formatter: (v) => new Date(v).toISOString().substring(11, 16) } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', name: 'ms', splitLine: { show: false } }],
      series: [
        line(labels.labelReceived, data.received, '#206bc4'),
        line(labels.labelSent, data.sent, '#2fb344'),
        line(labels.labelFiltered, data.filtered, '#f59f00'),
        line(labels.labelErrored, data.errored, '#d63939'),
        line(labels.labelLatency, data.latencyMillis, '#8a8f98', 1)
      ]
    });
    window.addEventListener('resize', () => chart.resize());
  }

  document.querySelectorAll('.integration-sparkline').forEach((element) => {
    const data = JSON.parse(element.dataset.series);
    const chart = echarts.init(element);
    chart.setOption({
      animation: false,
      grid: { left: 0, right: 0, top: 2, bottom: 2 },
      xAxis: { type: 'category', show: false, data: data.at },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [
        { type: 'line', data: data.received, showSymbol: false, lineStyle: { width: 1, color: '#206bc4' },
          areaStyle: { color: 'rgba(32,107,196,0.15)' } },
        { type: 'bar', data: data.errored, itemStyle: { color: '#d63939' }, barWidth: 1 }
      ]
    });
  });
})();
