// The live dashboard: polls the summary API every 5 seconds and redraws without reloading the page.
(function () {
  const root = document.getElementById('dashboard');
  const labels = { calls: root.dataset.labelCalls, failures: root.dataset.labelFailures, ms: root.dataset.labelMs };
  const chart = echarts.init(document.getElementById('trend-chart'));
  const number = new Intl.NumberFormat();
  let range = 'today';
  // ECharts draws times in the browser's zone; shifted by the hospital's offset and drawn as UTC, they read as the
  // hospital's wall clock wherever the browser runs.
  const shift = zoneOffset(root.dataset.zone);
  const wall = (time) => Date.parse(time) + shift;

  function zoneOffset(zone) {
    const now = new Date();
    const inZone = new Date(now.toLocaleString('en-US', { timeZone: zone }));
    const inUtc = new Date(now.toLocaleString('en-US', { timeZone: 'UTC' }));
    return inZone.getTime() - inUtc.getTime();
  }

  function timeRange() {
    const to = new Date();
    const hours = { '1h': 1, '24h': 24, '7d': 24 * 7, '30d': 24 * 30 }[range];
    if (hours) {
      return { from: new Date(to.getTime() - hours * 3600 * 1000), to };
    }
    return { from: null, to }; // today, in the hospital's zone, decided by the server
  }

  function top(id, figures, value) {
    const list = document.getElementById(id);
    list.replaceChildren(...figures.map((figure) => {
      const item = document.createElement('a');
      item.className = 'list-group-item list-group-item-action d-flex justify-content-between';
      item.href = root.dataset.logs + '?service=' + encodeURIComponent(figure.service);
      const name = document.createElement('span');
      name.textContent = figure.service;
      const figureText = document.createElement('strong');
      figureText.textContent = value(figure);
      item.append(name, figureText);
      return item;
    }));
    if (figures.length === 0) {
      const empty = document.createElement('div');
      empty.className = 'list-group-item text-secondary';
      empty.textContent = '—';
      list.append(empty);
    }
  }

  function render(s) {
    document.getElementById('kpi-cumulative').textContent = number.format(s.cumulativeVisits);
    document.getElementById('kpi-services').textContent = number.format(s.serviceCount);
    document.getElementById('kpi-total').textContent = number.format(s.total);
    document.getElementById('kpi-success').textContent = number.format(s.success);
    document.getElementById('kpi-success-rate').textContent = (s.successRate * 100).toFixed(2) + ' %';
    document.getElementById('kpi-failure').textContent = number.format(s.failure);
    const share = s.total === 0 ? 0 : (s.failure / s.total) * 100;
    document.getElementById('kpi-failure-split').textContent =
      share.toFixed(2) + ' % · 4xx ' + number.format(s.failure4xx) + ' · 5xx ' + number.format(s.failure5xx);
    top('top-latency', s.topLatency, (f) => f.averageMillis.toFixed(1) + ' ' + labels.ms);
    top('top-visits', s.topVisits, (f) => number.format(f.calls));
    top('top-failures', s.topFailures, (f) => number.format(f.failures));
    chart.setOption({
      animation: false,
      useUTC: true,
      color: ['#0f766e', '#d63939'],
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.calls, labels.failures], top: 0, right: 10 },
      grid: { left: 50, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'time', min: wall(s.from), max: wall(s.to) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: labels.calls, type: 'line', showSymbol: s.trend.length < 30, areaStyle: { opacity: 0.12 },
          data: s.trend.map((p) => [wall(p.at), p.calls]) },
        { name: labels.failures, type: 'line', showSymbol: s.trend.length < 30,
          data: s.trend.map((p) => [wall(p.at), p.failures]) },
      ],
    });
    // The hospital's wall clock in the page's language, not the browser's zone and locale.
    document.getElementById('refreshed').textContent = new Date().toLocaleTimeString(
      document.documentElement.lang || 'zh-CN', { timeZone: root.dataset.zone, hour12: false });
  }

  async function refresh() {
    const w = timeRange();
    const params = new URLSearchParams({ to: w.to.toISOString() });
    if (w.from) params.set('from', w.from.toISOString());
    try {
      const response = await fetch('/api/v1/traffic/summary?' + params, { headers: { Accept: 'application/json' } });
      if (response.ok) render(await response.json());
    } catch (e) {
      // keep the last figures on screen; the next poll tries again
    }
  }

  document.querySelectorAll('#range button').forEach((button) => {
    button.addEventListener('click', () => {
      range = button.dataset.range;
      document.querySelectorAll('#range button').forEach((b) => b.classList.toggle('active', b === button));
      refresh();
    });
  });
  document.querySelector('#range button[data-range="today"]').classList.add('active');
  addEventListener('resize', () => chart.resize());
  refresh();
  setInterval(refresh, 5000);
})();
