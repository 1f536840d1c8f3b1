// MedOps imaging viewer: plain JavaScript over the store's DICOMweb endpoints. Frames come rendered (PNG) with the
// chosen window; lengths and angles are computed here by the same calibration rules as the server
// (org.medops.imaging.dicom.Calibration): column spacing along x, row spacing along y.
(function () {
  'use strict';
  const root = document.getElementById('imaging-viewer');
  if (!root) { return; }
  const study = JSON.parse(root.dataset.study);
  const labels = document.getElementById('imaging-labels').dataset;
  const calibrationNames = document.getElementById('imaging-calibration-names').dataset;
  const canvas = document.getElementById('imaging-canvas');
  const ctx = canvas.getContext('2d');
  const cache = new Map();
  const state = { series: 0, position: 0, window: null, invert: false, zoom: 1, panX: 0, panY: 0, tool: 'window',
    playing: false, speed: 1, marks: [], pending: [], played: 0 };
  let timer = null;
  let drawnImage = null;

  function stack() {
    const out = [];
    study.series[state.series].instances.forEach(inst => {
      for (let f = 1; f <= inst.frames; f++) { out.push({ inst: inst, frame: f }); }
    });
    return out;
  }

  function current() { return stack()[state.position]; }

  function defaultWindow(inst) { return inst.windows.length ? { c: inst.windows[0][0], w: inst.windows[0][1] } : null; }

  function frameUrl(item, win) {
    const s = study.series[state.series];
    let url = '/api/v1/imaging/dicomweb/studies/' + encodeURIComponent(study.studyUid) + '/series/'
      + encodeURIComponent(s.seriesUid) + '/instances/' + encodeURIComponent(item.inst.sopInstanceUid)
      + '/frames/' + item.frame + '/rendered?invert=' + state.invert;
    if (win) { url += '&window=' + Math.round(win.c * 100) / 100 + ',' + Math.max(1, Math.round(win.w * 100) / 100); }
    return url;
  }

  function image(url) {
    let img = cache.get(url);
    if (!img) {
      img = new Image();
      img.onload = () => { if (img.dataset.wanted === '1') { draw(); } };
      img.src = url;
      cache.set(url, img);
      if (cache.size > 600) { cache.delete(cache.keys().next().value); }
    }
    return img;
  }

  function show() {
    const item = current();
    const win = state.window || defaultWindow(item.inst);
    const img = image(frameUrl(item, win));
    img.dataset.wanted = '1';
    if (img.complete && img.naturalWidth) { drawnImage = img; }
    draw();
    const all = stack();
    document.getElementById('imaging-overlay-frame').textContent = (state.position + 1) + '/' + all.length;
    document.getElementById('imaging-overlay-window').textContent = win
      ? labels.window + ' ' + Math.round(win.w) + ' / ' + Math.round(win.c) : labels.file_window;
    document.getElementById('imaging-overlay-fps').textContent = item.inst.framesPerSecond
      ? labels.fps + ' ' + Math.round(item.inst.framesPerSecond * state.speed * 10) / 10 : '';
    const cal = item.inst.calibration;
    const warn = cal === 'NONE' ? labels.warn_none : cal === 'IMAGER_PIXEL_SPACING' ? labels.warn_detector : '';
    document.getElementById('imaging-overlay-calibration').textContent = calibrationNames[cal.toLowerCase()]
      + (warn ? ' — ' + warn : '');
    // read ahead so cine plays from the cache
    for (let k = 1; k <= 3 && state.position + k < all.length; k++) {
      image(frameUrl(all[state.position + k], win));
    }
  }

  function geometry(img) {
    const w = canvas.clientWidth, h = canvas.clientHeight;
    const fit = Math.min(w / img.naturalWidth, h / img.naturalHeight) * state.zoom;
    return { scale: fit, x: (w - img.naturalWidth * fit) / 2 + state.panX, y: (h - img.naturalHeight * fit) / 2 + state.panY };
  }

  function draw() {
    const item = current();
    const win = state.window || defaultWindow(item.inst);
    const wanted = cache.get(frameUrl(item, win));
    if (wanted && wanted.complete && wanted.naturalWidth) { drawnImage = wanted; }
    canvas.width = canvas.clientWidth;
    canvas.height = canvas.clientHeight;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    if (!drawnImage) { return; }
    const g = geometry(drawnImage);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(drawnImage, g.x, g.y, drawnImage.naturalWidth * g.scale, drawnImage.naturalHeight * g.scale);
    const toScreen = p => [g.x + p[0] * g.scale, g.y + p[1] * g.scale];
    ctx.strokeStyle = '#ffd43b';
    ctx.fillStyle = '#ffd43b';
    ctx.lineWidth = 2;
    ctx.font = '14px sans-serif';
    state.marks.filter(m => m.sop === item.inst.sopInstanceUid && m.frame === item.frame).forEach(m => {
      const pts = m.points.map(toScreen);
      ctx.beginPath();
      ctx.moveTo(pts[0][0], pts[0][1]);
      pts.slice(1).forEach(p => ctx.lineTo(p[0], p[1]));
      ctx.stroke();
      const last = pts[pts.length - 1];
      ctx.fillText(m.label, last[0] + 6, last[1] - 6);
    });
  }

  /** The same rules as the server's Calibration.length: x by column spacing, y by row spacing. */
  function length(inst, a, b) {
    const dx = (b[0] - a[0]) * inst.columnSpacing, dy = (b[1] - a[1]) * inst.rowSpacing;
    const value = Math.hypot(dx, dy);
    const mm = inst.calibration !== 'NONE';
    return { value: value, unit: mm ? 'mm' : labels.px };
  }

  function angle(inst, a, v, b) {
    const ax = (a[0] - v[0]) * inst.columnSpacing, ay = (a[1] - v[1]) * inst.rowSpacing;
    const bx = (b[0] - v[0]) * inst.columnSpacing, by = (b[1] - v[1]) * inst.rowSpacing;
    const cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
    return Math.acos(Math.max(-1, Math.min(1, cos))) * 180 / Math.PI;
  }

  function calibrationLabel(inst) {
    const name = calibrationNames[inst.calibration.toLowerCase()];
    const warn = inst.calibration === 'NONE' ? labels.warn_none
      : inst.calibration === 'IMAGER_PIXEL_SPACING' ? labels.warn_detector : '';
    return name + (warn ? ' — ' + warn : '');
  }

  function addMark(kind, points) {
    const item = current();
    let label;
    if (kind === 'length') {
      const l = length(item.inst, points[0], points[1]);
      label = l.value.toFixed(2) + ' ' + l.unit;
    } else {
      label = angle(item.inst, points[0], points[1], points[2]).toFixed(1) + '°';
    }
    const mark = { kind: kind, sop: item.inst.sopInstanceUid, frame: item.frame, points: points, label: label };
    state.marks.push(mark);
    const line = document.createElement('div');
    line.id = 'imaging-measure-' + state.marks.length;
    line.className = 'imaging-measure';
    line.textContent = label + ' (' + calibrationLabel(item.inst) + ') · ' + item.frame + ' · '
      + points.map(p => '[' + p.map(v => v.toFixed(1)).join(', ') + ']').join(' → ');
    document.getElementById('imaging-measurements').appendChild(line);
    draw();
  }

  function toImage(ev) {
    const r = canvas.getBoundingClientRect();
    const g = geometry(drawnImage);
    return [(ev.clientX - r.left - g.x) / g.scale, (ev.clientY - r.top - g.y) / g.scale];
  }

  let drag = null;
  canvas.addEventListener('mousedown', ev => {
    if (!drawnImage) { return; }
    const item = current();
    drag = { x: ev.clientX, y: ev.clientY, start: toImage(ev),
      win: state.window || defaultWindow(item.inst) || { c: 128, w: 256 }, panX: state.panX, panY: state.panY,
      zoom: state.zoom };
  });
  window.addEventListener('mousemove', ev => {
    if (!drag) { return; }
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (state.tool === 'window') {
      const k = Math.max(1, drag.win.w / 256);
      state.window = { c: drag.win.c + dy * k, w: Math.max(1, drag.win.w + dx * k) };
      throttledShow();
    } else if (state.tool === 'pan') {
      state.panX = drag.panX + dx; state.panY = drag.panY + dy; draw();
    } else if (state.tool === 'zoom') {
      state.zoom = Math.max(0.1, Math.min(20, drag.zoom * Math.exp(-dy / 200))); draw();
    }
  });
  window.addEventListener('mouseup', ev => {
    if (!drag) { return; }
    const end = toImage(ev);
    if (state.tool === 'length' && Math.hypot(end[0] - drag.start[0], end[1] - drag.start[1]) > 0) {
      addMark('length', [drag.start, end]);
    } else if (state.tool === 'angle') {
      state.pending.push(end);
      if (state.pending.length === 3) { addMark('angle', state.pending); state.pending = []; }
    } else if (state.tool === 'window') {
      show();
    }
    drag = null;
  });

  let throttle = null;
  function throttledShow() {
    if (throttle) { return; }
    throttle = setTimeout(() => { throttle = null; show(); }, 120);
  }

  canvas.addEventListener('wheel', ev => { ev.preventDefault(); step(ev.deltaY > 0 ? 1 : -1); }, { passive: false });

  function step(delta) {
    const n = stack().length;
    state.position = (state.position + delta + n) % n;
    show();
  }

  function play() {
    const playButton = document.getElementById('imaging-play');
    if (state.playing) {
      state.playing = false; clearTimeout(timer); playButton.textContent = playButton.dataset.play; return;
    }
    state.playing = true;
    state.played = 0;
    playButton.textContent = playButton.dataset.pause;
    const tick = () => {
      if (!state.playing) { return; }
      step(1);
      state.played++;
      const fps = (current().inst.framesPerSecond || 10) * state.speed;
      timer = setTimeout(tick, 1000 / fps);
    };
    tick();
  }

  document.getElementById('imaging-prev').addEventListener('click', () => step(-1));
  document.getElementById('imaging-next').addEventListener('click', () => step(1));
  document.getElementById('imaging-play').addEventListener('click', play);
  document.getElementById('imaging-speed').addEventListener('change', ev => { state.speed = Number(ev.target.value); show(); });
  document.getElementById('imaging-preset').addEventListener('change', ev => {
    const v = ev.target.value;
    state.window = v ? { c: Number(v.split(',')[0]), w: Number(v.split(',')[1]) } : null;
    show();
  });
  document.querySelectorAll('[data-tool]').forEach(b => b.addEventListener('click', () => {
    document.querySelectorAll('[data-tool]').forEach(o => o.classList.remove('active'));
    b.classList.add('active');
    state.tool = b.dataset.tool;
    state.pending = [];
  }));
  document.getElementById('imaging-invert').addEventListener('click', () => { state.invert = !state.invert; show(); });
  document.getElementById('imaging-reset').addEventListener('click', () => {
    Object.assign(state, { window: null, invert: false, zoom: 1, panX: 0, panY: 0 });
    document.getElementById('imaging-preset').value = '';
    show();
  });
  document.querySelectorAll('[data-series]').forEach(a => a.addEventListener('click', ev => {
    ev.preventDefault();
    state.series = Number(a.dataset.series); state.position = 0; drawnImage = null; show();
  }));
  window.addEventListener('resize', draw);
  // for tests and keyboard users
  window.medopsViewer = { state: state, current: current, loaded: () => !!drawnImage && drawnImage.complete,
    // where an image pixel lies on the page, so a test can drag the mouse to it
    client: p => {
      const r = canvas.getBoundingClientRect();
      const g = geometry(drawnImage);
      return [r.left + g.x + p[0] * g.scale, r.top + g.y + p[1] * g.scale];
    } };
  document.addEventListener('keydown', ev => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowRight') { step(1); }
    if (ev.key === 'ArrowUp' || ev.key === 'ArrowLeft') { step(-1); }
    if (ev.key === ' ') { ev.preventDefault(); play(); }
  });
  show();
})();
