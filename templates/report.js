// workin report glue: joins the chart option skeletons (built in Go with
// go-echarts) with each athlete's columnar dataset, and draws a chart when
// it comes near the viewport. No network, no storage, no eval.
(function () {
  "use strict";
  var skeletons = JSON.parse(document.getElementById("wk-charts").textContent);
  var dataCache = {};
  var charts = {};           // element id -> echarts instance
  var windows = {};          // athlete index -> weeks shown (0 = all)
  var DEFAULT_WEEKS = 12;
  var DAY_KINDS = { daily: 1, pmc: 1, acwr: 1, mono: 1, readiness: 1, hrv: 1, rhr: 1, wellness: 1, flags: 1 };

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function athleteData(i) {
    if (!dataCache[i]) {
      var d = JSON.parse(document.getElementById("data-" + i).textContent);
      d.days.date = dates(d.start, d.n);
      dataCache[i] = d;
    }
    return dataCache[i];
  }

  // dates builds the YYYY-MM-DD column from the first day and the count.
  function dates(start, n) {
    var out = new Array(n);
    if (!start) return out;
    var p = start.split("-");
    var t = Date.UTC(+p[0], +p[1] - 1, +p[2]);
    for (var i = 0; i < n; i++) {
      out[i] = new Date(t + i * 86400000).toISOString().slice(0, 10);
    }
    return out;
  }

  function clone(o) { return JSON.parse(JSON.stringify(o)); }

  // expandSports replaces the prototype series (id "sport") with one series
  // per sport of the athlete.
  function expandSports(opt, d, prefix, x) {
    var out = [];
    opt.series.forEach(function (s) {
      if (s.id !== "sport") { out.push(s); return; }
      d.sports.forEach(function (sp, i) {
        var c = clone(s);
        c.id = "sport" + i;
        c.name = sp.name;
        c.encode = { x: x, y: prefix + i };
        c.itemStyle = { color: sp.color, borderColor: sp.color === "#F0E442" ? "#6B6B6B" : sp.color, borderWidth: 0.5 };
        out.push(c);
      });
    });
    opt.series = out;
  }

  function zoomRange(n, weeks, perWeek) {
    if (!weeks || n <= weeks * perWeek) return { startValue: 0, endValue: Math.max(n - 1, 0) };
    return { startValue: n - weeks * perWeek, endValue: n - 1 };
  }

  function build(kind, i) {
    var d = athleteData(i);
    var opt = clone(skeletons[kind]);
    var ink = css("--ink") || "#1A1A1A", muted = css("--muted") || "#5C5C5C";
    opt.textStyle = { color: ink, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" };
    opt.legend = Object.assign(opt.legend || {}, { textStyle: { color: ink }, pageTextStyle: { color: muted } });
    opt.tooltip = Object.assign(opt.tooltip || {}, { confine: true, trigger: "axis" });
    opt.aria = { enabled: true, label: { description: document.getElementById("c" + i + "-" + kind).getAttribute("aria-label") } };
    opt.dataset = [{ source: d.days }, { source: d.weeks }];
    var weeks = windows[i] === undefined ? DEFAULT_WEEKS : windows[i];
    if (kind === "weekly") {
      expandSports(opt, d, "w", "week");
      opt.series.forEach(function (s) {
        if (s.id === "total") s.label.formatter = "{@total}";
      });
      var nw = d.weeks.week.length;
      if (nw > 26) {
        opt.dataZoom = [Object.assign({ type: "inside" }, zoomRange(nw, 26, 1))];
      }
      return opt;
    }
    if (kind === "daily") expandSports(opt, d, "s", "date");
    if (kind === "mono") {
      opt.yAxis[0].max = function (v) { return Math.ceil(Math.max(v.max, d.thr.mono * 1.1) * 2) / 2; };
    }
    (opt.series || []).forEach(function (s) {
      if (s.id === "hard") s.symbolOffset = [0, -8];
      if (s.id === "acwr" && s.markLine) s.markLine.data[0].yAxis = d.thr.spike;
      if (s.id === "mono" && s.markLine) s.markLine.data[0].yAxis = d.thr.mono;
    });
    var range = zoomRange(d.n, weeks, 7);
    var narrow = window.innerWidth < 500;
    (opt.dataZoom || []).forEach(function (z) {
      Object.assign(z, range);
      if (z.type === "slider") Object.assign(z, { height: 18, bottom: 4, show: !narrow, labelFormatter: "" });
    });
    if (narrow && opt.grid) {
      [].concat(opt.grid).forEach(function (g) { if (g.bottom === "56") g.bottom = "28"; });
    }
    return opt;
  }

  // legendOf lists every named series but the label-only ones.
  function legendOf(opt) {
    return opt.series.filter(function (s) { return s.id !== "total"; }).map(function (s) { return s.name; });
  }

  // Charts follow their box: window resizes, rotation, opened details.
  var resizer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) {
      var c = charts[e.target.id];
      if (c && e.contentRect.width) c.resize();
    });
  }) : null;
  if (!resizer) {
    var pending;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        Object.keys(charts).forEach(function (k) { charts[k].resize(); });
      }, 150);
    });
  }
  function draw(el) {
    if (charts[el.id] || !el.offsetWidth) return;
    var kind = el.getAttribute("data-kind"), i = +el.getAttribute("data-athlete");
    try {
      var c = echarts.init(el, null, { renderer: "svg" });
      var opt = build(kind, i);
      opt.legend.data = legendOf(opt);
      c.setOption(opt);
      if (DAY_KINDS[kind]) {
        c.group = "days" + i;
        echarts.connect("days" + i);
      }
      charts[el.id] = c;
      if (resizer) resizer.observe(el);
    } catch (e) {
      el.textContent = "This chart could not be drawn: " + e.message;
      console.error("workin chart " + el.id + ": " + e.message);
    }
  }

  function drawAll() {
    document.querySelectorAll(".chart").forEach(draw);
  }

  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) draw(e.target); });
  }, { rootMargin: "200px 0px" }) : null;

  document.querySelectorAll(".chart").forEach(function (el) {
    if (observer) observer.observe(el); else draw(el);
  });

  // Opening an athlete draws its visible charts; closing one frees them.
  document.querySelectorAll("details.fold").forEach(function (det) {
    det.addEventListener("toggle", function () {
      det.querySelectorAll(".chart").forEach(function (el) {
        if (det.open) { draw(el); return; }
        if (charts[el.id]) { charts[el.id].dispose(); delete charts[el.id]; }
      });
    });
  });

  // Window presets: all day charts of an athlete move together.
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest(".zoom button");
    if (!b) return;
    var sec = b.closest(".athlete");
    var first = sec.querySelector(".chart");
    var i = +first.getAttribute("data-athlete");
    var weeks = +b.getAttribute("data-weeks");
    windows[i] = weeks;
    sec.querySelectorAll(".zoom button").forEach(function (x) {
      x.classList.toggle("on", +x.getAttribute("data-weeks") === weeks);
    });
    var n = athleteData(i).n;
    sec.querySelectorAll(".chart").forEach(function (el) {
      var c = charts[el.id];
      if (!c || !DAY_KINDS[el.getAttribute("data-kind")]) return;
      var r = zoomRange(n, weeks, 7);
      c.dispatchAction({ type: "dataZoom", startValue: r.startValue, endValue: r.endValue });
    });
  });

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    drawAll();
  });
  if (location.hash === "#all") {
    document.querySelectorAll("details.fold").forEach(function (d) { d.open = true; });
    drawAll();
  }
})();
