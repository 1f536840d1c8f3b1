// Message-volume analysis: received per channel (stacked bars), sent and errored of all channels (lines), and the
// storage per channel with its projected growth, drawn with ECharts from the counts the page carries (data-series).
(function () {
  const palette = ['#206bc4', '#4299e1', '#ae3ec9', '#f76707', '#74b816', '#17a2b8', '#d6336c', '#6574cd'];
  const volume = document.getElementById('volumes-chart');
  if (volume && !volume.dataset.drawn) {
    volume.dataset.drawn = 'true';
    const data = JSON.parse(volume.dataset.series);
    const series = Object.keys(data.received).map((channel, i) => ({
      name: channel, type: 'bar', stack: 'received', itemStyle: { color: palette[i % palette.length] },
      data: data.received[channel]
    }));
    series.push({ name: volume.dataset.labelSent, type: 'line', showSymbol: false, itemStyle: { color: '#2fb344' }, data: data.sent });
    series.push({ name: volume.dataset.labelErrored, type: 'line', showSymbol: false, itemStyle: { color: '#d63939' }, data: data.errored });
    const chart = echarts.init(volume);
    chart.setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
      grid: { left: 40, right: 16, top: 34, bottom: 24 },
      xAxis: { type: 'category', data: data.at, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 }, series
    });
    window.addEventListener('resize', () => chart.resize());
  }
  const storage = document.getElementById('volumes-storage-chart');
  if (storage && !storage.dataset.drawn) {
    storage.dataset.drawn = 'true';
    const data = JSON.parse(storage.dataset.series).storage;
    const labels = storage.dataset;
    const chart = echarts.init(storage);
    chart.setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 64, right: 16, top: 34, bottom: 24 },
      xAxis: { type: 'category', data: data.map((d) => d.channel), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => v >= 1048576 ? (v / 1048576).toFixed(1) + ' MB' : (v / 1024).toFixed(0) + ' KB' } },
      series: [
        { name: labels.labelBytes, type: 'bar', stack: 'bytes', itemStyle: { color: '#206bc4' }, data: data.map((d) => d.bytes) },
        { name: labels.labelProjected90, type: 'bar', itemStyle: { color: '#f59f00' }, data: data.map((d) => d.projected90) },
        { name: labels.labelProjected365, type: 'bar', itemStyle: { color: '#d63939' }, data: data.map((d) => d.projected365) }
      ]
    });
    window.addEventListener('resize', () => chart.resize());
  }
})();
