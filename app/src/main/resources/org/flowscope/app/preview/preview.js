// The live preview page: follows /events (Server-Sent Events, one complete state per event, latest wins), draws the
// latest images with a black/white contrast control, and plots drift, resolution and throughput with uPlot.
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token');
  function withToken(url) {
    return token ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'token=' + encodeURIComponent(token) : url;
  }
  // what the page has done, for tests and the curious (window.flowscopePreview in the console)
  var seen = { events: 0, version: 0, images: { sr: 0, raw: 0 }, plotted: { drift: 0, quality: 0, rate: 0 },
    phase: null, imageErrors: 0 };
  window.flowscopePreview = seen;

  function el(id) { return document.getElementById(id); }
  function fmt(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }
  function duration(s) {
    if (s === null || s === undefined) { return '–'; }
    s = Math.round(s);
    if (s < 60) { return s + ' s'; }
    var m = Math.floor(s / 60), r = s % 60;
    return m < 60 ? m + ':' + (r < 10 ? '0' : '') + r : Math.floor(m / 60) + ':' + ('0' + (m % 60)).slice(-2) + ':' + ('0' + r).slice(-2);
  }

  function ImagePanel(name) {
    var canvas = el(name), lo = el(name + '-lo'), hi = el(name + '-hi'), range = el(name + '-range');
    var grey = null, info = null, shown = 0, loading = false, pending = null;
    function draw() {
      if (!grey) { return; }
      var l = +lo.value, h = Math.max(+hi.value, l + 1), lut = new Uint8ClampedArray(256), i;
      for (i = 0; i < 256; i++) { lut[i] = (i - l) * 255 / (h - l); }
      var ctx = canvas.getContext('2d'), img = ctx.createImageData(canvas.width, canvas.height), d = img.data;
      for (i = 0; i < grey.length; i++) {
        var v = lut[grey[i]];
        d[4 * i] = v; d[4 * i + 1] = v; d[4 * i + 2] = v; d[4 * i + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
      var span = info.hi - info.lo;
      range.textContent = 'shows ' + fmt(info.lo + span * l / 255, 1) + ' … ' + fmt(info.lo + span * h / 255, 1)
        + ' (' + info.width + '×' + info.height + (info.scale > 1 ? ', 1:' + info.scale : '') + ')';
    }
    function auto() {
      if (!grey) { return; }
      var hist = new Uint32Array(256), i, acc = 0, n = grey.length, a = 0, b = 255;
      for (i = 0; i < n; i++) { hist[grey[i]]++; }
      for (i = 0; i < 256; i++) { acc += hist[i]; if (acc >= 0.005 * n) { a = i; break; } }
      acc = 0;
      for (i = 255; i >= 0; i--) { acc += hist[i]; if (acc >= 0.005 * n) { b = i; break; } }
      lo.value = Math.min(a, 254); hi.value = Math.max(b, +lo.value + 1);
      draw();
    }
    lo.addEventListener('input', draw);
    hi.addEventListener('input', draw);
    el(name + '-auto').addEventListener('click', auto);
    el(name + '-reset').addEventListener('click', function () { lo.value = 0; hi.value = 255; draw(); });
    function fetchImage(next) {
      loading = true;
      var im = new Image();
      im.onload = function () {
        canvas.width = im.naturalWidth; canvas.height = im.naturalHeight;
        var ctx = canvas.getContext('2d');
        ctx.drawImage(im, 0, 0);
        var d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        grey = new Uint8ClampedArray(canvas.width * canvas.height);
        for (var i = 0; i < grey.length; i++) { grey[i] = d[4 * i]; }
        info = next; shown = next.version;
        el(name + '-label').textContent = next.label;
        draw();
        seen.images[name]++;
        done();
      };
      im.onerror = function () { seen.imageErrors++; done(); };
      im.src = withToken(next.url);
    }
    function done() {
      loading = false;
      // latest wins here too: only the newest image asked for while loading is fetched next
      if (pending && pending.version !== shown) { var p = pending; pending = null; fetchImage(p); }
    }
    this.show = function (next) {
      if (!next || next.version === shown) { return; }
      if (loading) { pending = next; } else { fetchImage(next); }
    };
  }

  // secondUnit: the second series on its own axis, on the right (throughput: frames/s and ms)
  function Plot(id, title, labels, colours, secondUnit) {
    var box = el(id), plot = null, unit = null, points = -1;
    function columns(rows) {
      var c = [[], [], []];
      rows.forEach(function (r) { c[0].push(r[0]); c[1].push(r[1]); c[2].push(r[2]); });
      return c;
    }
    this.show = function (rows, newUnit, key) {
      if (!rows || rows.length === 0) { return; }
      if (!plot || unit !== newUnit) {
        box.innerHTML = '';
        unit = newUnit;
        var axes = [{ label: 'time since start (s)' }, { label: unit || '' }];
        var second = { label: labels[1], stroke: colours[1], width: 1.5, spanGaps: false };
        var scales = { x: { time: false } };
        if (secondUnit) {
          scales[secondUnit] = {};
          second.scale = secondUnit;
          axes.push({ scale: secondUnit, side: 1, label: secondUnit, grid: { show: false } });
        }
        plot = new uPlot({
          title: title + (unit ? ' (' + unit + ')' : ''), width: Math.max(300, box.clientWidth - 10), height: 220,
          scales: scales, axes: axes,
          series: [{ label: 't (s)' }, { label: labels[0], stroke: colours[0], width: 1.5, spanGaps: false }, second]
        }, columns(rows), box);
        points = rows.length;
        seen.plotted[key]++;
        return;
      }
      if (rows.length !== points || key === 'rate') {
        plot.setData(columns(rows));
        points = rows.length;
        seen.plotted[key]++;
      }
    };
    this.resize = function () { if (plot) { plot.setSize({ width: Math.max(300, box.clientWidth - 10), height: 220 }); } };
  }

  var sr = new ImagePanel('sr'), raw = new ImagePanel('raw');
  var drift = new Plot('plot-drift', 'Drift', ['x', 'y'], ['#1f77b4', '#d62728']);
  var quality = new Plot('plot-quality', 'Resolution', ['FRC (raw halves)', 'decorrelation (SR)'], ['#2ca02c', '#9467bd']);
  var rate = new Plot('plot-rate', 'Throughput', ['frames/s', 'latency (ms)'], ['#1f77b4', '#ff7f0e'], 'ms');
  window.addEventListener('resize', function () { drift.resize(); quality.resize(); rate.resize(); });

  function row(tbody, name, value, bad) {
    var tr = document.createElement('tr');
    if (bad) { tr.className = 'bad'; }
    var a = document.createElement('td'), b = document.createElement('td');
    a.textContent = name; b.textContent = value; b.className = 'num';
    tr.appendChild(a); tr.appendChild(b); tbody.appendChild(tr);
  }

  function stats(e) {
    var s = e.status, tb = el('stats').tBodies[0];
    tb.innerHTML = '';
    row(tb, 'frames acquired', s.frames + (s.totalFrames !== null ? ' / ' + s.totalFrames : ''));
    row(tb, 'acquisition rate', fmt(s.framesPerSecond, 1) + ' frames/s');
    row(tb, 'latency (median)', fmt(s.latencyMs, 0) + ' ms');
    row(tb, 'windows analysed', s.windowsDone + (s.totalWindows !== null ? ' / ' + s.totalWindows : ''));
    row(tb, 'windows waiting', s.windowsLeft);
    row(tb, 'ETA', duration(s.etaS));
    row(tb, 'frames lost by the camera', s.cameraLost, s.cameraLost > 0);
    row(tb, 'windows skipped (--policy skip)', s.windowsSkipped, s.windowsSkipped > 0);
    Object.keys(s.sideSkipped).forEach(function (k) { row(tb, k + ': results skipped while busy', s.sideSkipped[k]); });
    Object.keys(s.fields).forEach(function (k) { row(tb, k, s.fields[k]); });
    row(tb, 'preview: updates superseded (events / images)', e.preview.eventsSuperseded + ' / ' + e.preview.imagesSuperseded);
    var eb = el('engine').tBodies[0];
    eb.innerHTML = '';
    s.engine.forEach(function (d) {
      var tr = document.createElement('tr');
      [d.operation, d.candidate, d.reason].forEach(function (t) {
        var td = document.createElement('td'); td.textContent = t; tr.appendChild(td);
      });
      eb.appendChild(tr);
    });
    if (s.engine.length === 0) { row(eb, 'no engine call yet', ''); }
  }

  function update(e) {
    seen.events++; seen.version = e.version; seen.phase = e.status.phase;
    el('phase').textContent = e.status.phase.toLowerCase();
    el('progress').textContent = (e.status.totalFrames !== null
      ? Math.min(100, Math.floor(100 * e.status.frames / Math.max(1, e.status.totalFrames))) + ' %  ' : '')
      + duration(e.status.elapsedS) + ' elapsed' + (e.status.etaS !== null ? ', ETA ' + duration(e.status.etaS) : '');
    var banner = el('banner');
    banner.hidden = !e.banner;
    banner.textContent = e.banner ? 'Data lost: ' + e.banner : '';
    var why = el('why');
    why.hidden = !e.status.why;
    why.textContent = e.status.why || '';
    sr.show(e.sr); raw.show(e.raw);
    drift.show(e.drift, e.driftUnit, 'drift');
    quality.show(e.quality, e.qualityUnit, 'quality');
    rate.show(e.rate, 'frames/s', 'rate');
    stats(e);
  }

  var source = new EventSource(withToken('events'));
  source.onmessage = function (m) {
    var e = JSON.parse(m.data);
    update(e);
    if (e.status.phase === 'DONE') {
      source.close();
      el('phase').textContent = 'finished';
    }
  };
  source.onerror = function () {
    if (seen.phase !== 'DONE') { el('phase').textContent = 'disconnected (the run has ended, or flowscope stopped)'; }
  };
})();
