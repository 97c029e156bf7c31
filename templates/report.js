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
  var DAY_KINDS = { daily: 1, pmc: 1, acwr: 1, mono: 1, readiness: 1, hrv: 1, rhr: 1, wellness: 1, timeline: 1 };

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function athleteData(i) {
    if (!dataCache[i]) {
      var d = JSON.parse(document.getElementById("data-" + i).textContent);
      d.days.date = dates(d.start, d.n);
      // Expand the digit-string flags into columns.
      var days = d.days, n = d.n;
      days.hard = new Array(n); days.rest = new Array(n); days.wi = new Array(n); days.act = new Array(n);
      for (var k = 0; k < n; k++) {
        days.hard[k] = days.f_hard.charAt(k) === "1" ? days.load[k] : null;
        days.rest[k] = +days.f_rest.charAt(k);
        days.wi[k] = +days.f_wi.charAt(k);
        days.act[k] = +days.f_act.charAt(k);
      }
      delete days.f_hard; delete days.f_rest; delete days.f_wi; delete days.f_act;
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

  // esc makes user text (athlete names, sports) safe inside tooltip HTML:
  // ECharts sets a formatter's string as innerHTML.
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

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
    [].concat(opt.yAxis || []).forEach(function (y) {
      if (y && y.name) y.nameTextStyle = { align: "left", color: muted };
    });
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
    if (kind === "calendar") return calendar(opt, d);
    if (kind === "timeline") timeline(opt, d);
    if (kind === "wellness") wellness(opt, d);
    if (kind === "hrv") {
      opt.yAxis[0].axisLabel = { formatter: function (v) { return Math.round(Math.exp(v)); } };
      opt.tooltip.formatter = hrvTip;
    }
    if (kind === "readiness") {
      var ma = opt.series[0].markArea.data;
      ma[0][1].yAxis = d.thr.rest; ma[1][0].yAxis = d.thr.rest; ma[1][1].yAxis = d.thr.low;
    }
    addSpans(opt, d, kind);
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

  // Rule spans: each chart shows the rules about what it draws, as shaded
  // x-ranges labelled with the rule's name (alerts darker).
  var SPAN_RULES = {
    daily: ["no-rest-day", "hard-days-close", "load-spike", "hard-on-poor-readiness", "no-deload-week"],
    pmc: ["no-rest-day", "load-spike", "no-deload-week", "monotony-high"],
    hrv: ["hrv-low"], rhr: ["rhr-high"], readiness: ["readiness-low", "hard-on-poor-readiness"],
    wellness: ["soreness-persistent"], acwr: ["load-spike"], mono: ["monotony-high"]
  };
  function addSpans(opt, d, kind) {
    var rules = SPAN_RULES[kind];
    if (!rules || !opt.series || !opt.series.length) return;
    var data = d.spans.filter(function (s) { return rules.indexOf(s.rule) >= 0; }).map(function (s) {
      return [{ name: s.rule, xAxis: s.from, itemStyle: { color: s.sev === "alert" ? "rgba(213,94,0,.22)" : "rgba(230,159,0,.16)" } }, { xAxis: s.to }];
    });
    if (!data.length) return;
    var host = opt.series[0];
    var ma = host.markArea || { data: [] };
    ma.data = (ma.data || []).concat(data);
    ma.label = ma.label || { show: true, position: "insideTop", color: "#5C5C5C", fontSize: 10 };
    host.markArea = ma;
  }

  function hrvTip(ps) {
    var lines = [ps[0].axisValue];
    ps.forEach(function (p) {
      var v = p.value && p.value[p.encode.y[0]];
      if (v == null || p.seriesId === "hlo") return;
      if (p.seriesId === "hw") {
        var lo = p.value[p.dimensionNames.indexOf("hlo")];
        lines.push("normal " + Math.round(Math.exp(lo)) + "–" + Math.round(Math.exp(lo + v)) + " ms");
        return;
      }
      lines.push(p.marker + esc(p.seriesName) + " " + Math.round(Math.exp(v)) + " ms (ln " + v.toFixed(2) + ")");
    });
    return lines.join("<br>");
  }

  // wellness adds the check-in strip: one row per item, darker = worse for
  // you (soreness and stress as rated, sleep quality, mood and energy
  // flipped), the rated value in the tooltip.
  var ITEMS = [["sq", true], ["sore", false], ["stress", false], ["mood", true], ["energy", true]];
  function wellness(opt, d) {
    var data = [];
    ITEMS.forEach(function (it, row) {
      var col = d.days[it[0]];
      for (var i = 0; i < d.n; i++) {
        var v = col[i];
        if (v == null) continue;
        data.push([i, row, it[1] ? 10 - v : v - 1, v]);
      }
    });
    opt.series.push({ type: "heatmap", id: "strip", name: "check-in", xAxisIndex: 1, yAxisIndex: 1, data: data,
      tooltip: { trigger: "item", formatter: function (p) {
        return d.days.date[p.value[0]] + "<br>" + opt.yAxis[1].data[p.value[1]] + ": " + p.value[3] + "/10";
      } } });
    opt.xAxis[1].data = d.days.date;
    opt.visualMap = [{ type: "continuous", min: 0, max: 9, seriesIndex: opt.series.length - 1, show: false,
      inRange: { color: ["#F0F0F0", "#9E9E9E", "#3A3A3A"] } }];
  }

  var ACTIONS = ["go", "unknown", "easy", "work-in", "rest"];
  var ACTION_COLORS = ["#009E73", "#9E9E9E", "#E69F00", "#CC79A7", "#D55E00"];

  // timeline: the advice given each day, then one row per rule that fired.
  function timeline(opt, d) {
    var rows = ["advice"].concat(d.rules);
    opt.yAxis[0].data = rows;
    var advice = [], flags = [];
    for (var i = 0; i < d.n; i++) advice.push([i, 0, d.days.act[i]]);
    var first = Date.parse(d.start);
    d.spans.forEach(function (s) {
      var r = d.rules.indexOf(s.rule);
      if (r < 0) return;
      var a = Math.round((Date.parse(s.from) - first) / 86400000), b = Math.round((Date.parse(s.to) - first) / 86400000);
      for (var i = Math.max(a, 0); i <= Math.min(b, d.n - 1); i++) flags.push([i, r + 1, s.sev === "alert" ? 2 : 1]);
    });
    opt.series = [
      { type: "heatmap", id: "advice", name: "advice", data: advice },
      { type: "heatmap", id: "flags", name: "rules", data: flags }
    ];
    opt.visualMap = [
      { type: "piecewise", seriesIndex: 0, show: false, pieces: ACTIONS.map(function (a, k) { return { value: k, label: a, color: ACTION_COLORS[k] }; }) },
      { type: "piecewise", seriesIndex: 1, show: false, pieces: [{ value: 1, label: "warn", color: "#E69F00" }, { value: 2, label: "alert", color: "#D55E00" }] }
    ];
    opt.tooltip = { trigger: "item", confine: true, formatter: function (p) {
      var day = d.days.date[p.value[0]];
      if (p.seriesIndex === 0) return day + "<br>advice for the next session: " + ACTIONS[p.value[2]];
      return day + "<br>" + rows[p.value[1]] + (p.value[2] === 2 ? " (alert)" : "");
    } };
    opt.xAxis[0].data = d.days.date;
    delete opt.dataset;
  }

  // calendar: a training calendar (rest, work-in, load) and a readiness one.
  function calendar(opt, d) {
    var dates = d.days.date, narrow = window.innerWidth < 700;
    var range = [dates[0], dates[d.n - 1]];
    var train = [], ready = [];
    for (var i = 0; i < d.n; i++) {
      var v = d.days.rest[i] ? (d.days.wi[i] ? -1 : -2) : d.days.load[i];
      train.push([dates[i], v]);
      if (d.days.ready[i] != null) ready.push([dates[i], d.days.ready[i]]);
    }
    var common = { range: range, cellSize: narrow ? [14, 14] : ["auto", 14], orient: "horizontal", left: 40, right: 16,
      splitLine: { lineStyle: { color: "#9E9E9E", width: 1 } }, itemStyle: { borderColor: "#FFFFFF", borderWidth: 1 },
      dayLabel: { firstDay: d.firstDay, nameMap: "en", fontSize: 9 }, monthLabel: { fontSize: 10 }, yearLabel: { show: false } };
    opt.calendar = [Object.assign({ top: 48 }, common), Object.assign({ top: 218 }, common)];
    delete opt.xAxis; delete opt.yAxis; delete opt.dataset;
    opt.series = [
      { type: "heatmap", coordinateSystem: "calendar", calendarIndex: 0, name: "training", data: train },
      { type: "heatmap", coordinateSystem: "calendar", calendarIndex: 1, name: "readiness", data: ready }
    ];
    opt.visualMap = [
      { type: "piecewise", seriesIndex: 0, orient: "horizontal", top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 10 },
        pieces: [{ max: -1.5, label: "rest", color: "#E8E8E8" }, { min: -1.5, max: -0.5, label: "rest + work-in", color: "#CC79A7" },
          { min: 0, max: 40, label: "< 40 LP", color: "#C6DBEF" }, { min: 40, max: 80, label: "40–80", color: "#6BAED6" },
          { min: 80, max: 120, label: "80–120", color: "#2171B5" }, { min: 120, label: "≥ 120", color: "#08306B" }] },
      { type: "piecewise", seriesIndex: 1, orient: "horizontal", top: 172, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 10 },
        pieces: [{ max: d.thr.rest, label: "readiness < " + d.thr.rest, color: "#3A3A3A" }, { min: d.thr.rest, max: d.thr.low, label: "low", color: "#7A7A7A" },
          { min: d.thr.low, max: 60, label: "40–60", color: "#B0B0B0" }, { min: 60, max: 75, label: "60–75", color: "#D6D6D6" },
          { min: 75, label: "≥ 75 usual", color: "#F0F0F0" }] }
    ];
    opt.tooltip = { trigger: "item", confine: true, formatter: function (p) {
      var v = p.value[1];
      if (p.seriesIndex === 1) return p.value[0] + "<br>readiness " + Math.round(v) + "/100";
      return p.value[0] + "<br>" + (v === -2 ? "rest day" : v === -1 ? "rest day with a work-in" : Math.round(v) + " LP");
    } };
    return opt;
  }

  // legendOf lists every named series but the label-only ones.
  var NO_LEGEND = { total: 1, hlo: 1, strip: 1, advice: 1, flags: 1 };
  function legendOf(opt) {
    return opt.series.filter(function (s) { return !NO_LEGEND[s.id] && s.type !== "heatmap"; }).map(function (s) { return s.name; });
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
  // team builds the overview's charts from the team data.
  function team(kind) {
    var t = JSON.parse(document.getElementById("team-data").textContent);
    var opt = clone(skeletons[kind]);
    var ink = css("--ink") || "#1A1A1A";
    opt.textStyle = { color: ink, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" };
    opt.tooltip = Object.assign(opt.tooltip || {}, { confine: true });
    var greys = ["#0072B2", "#56B4E9", "#6B6B6B", "#BBBBBB", "#009E73", "#E69F00", "#CC79A7", "#999999"];
    if (kind === "teamload") {
      opt.xAxis[0].data = t.weeks;
      opt.series = t.athletes.map(function (a, k) {
        return { type: "bar", stack: "team", name: a.name, data: a.load, barMaxWidth: 28, itemStyle: { color: greys[k % greys.length] } };
      });
      opt.legend.data = t.athletes.map(function (a) { return a.name; });
      opt.tooltip.trigger = "axis";
      opt.tooltip.formatter = function (ps) {
        var lines = [esc(ps[0].axisValue)];
        ps.forEach(function (p) { if (p.value != null) lines.push(p.marker + esc(p.seriesName) + " " + p.value + " LP"); });
        return lines.join("<br>");
      };
      return opt;
    }
    var days = dates(t.start, 28), data = [];
    t.athletes.forEach(function (a, r) {
      a.ready.forEach(function (v, x) { if (v != null) data.push([x, r, v]); });
    });
    opt.xAxis[0].data = days;
    opt.yAxis[0].data = t.athletes.map(function (a) { return a.name; });
    opt.series = [{ type: "heatmap", name: "readiness", data: data }];
    opt.visualMap = [{ type: "piecewise", show: true, orient: "horizontal", top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 10 },
      pieces: [{ max: 25, label: "< 25", color: "#3A3A3A" }, { min: 25, max: 40, label: "25–40", color: "#7A7A7A" },
        { min: 40, max: 60, label: "40–60", color: "#B0B0B0" }, { min: 60, max: 75, label: "60–75", color: "#D6D6D6" },
        { min: 75, label: "≥ 75", color: "#F0F0F0" }] }];
    opt.tooltip.formatter = function (p) { return esc(opt.yAxis[0].data[p.value[1]]) + "<br>" + days[p.value[0]] + ": readiness " + p.value[2]; };
    // Up to 30 rows at once; a bigger team scrolls through them.
    var rows = Math.min(t.athletes.length, 30);
    document.getElementById("team-teamready").style.height = Math.max(320, 60 + 18 * rows) + "px";
    if (t.athletes.length > rows) {
      opt.dataZoom = [{ type: "slider", yAxisIndex: 0, right: 0, width: 14, startValue: 0, endValue: rows - 1, labelFormatter: "" },
        { type: "inside", yAxisIndex: 0, startValue: 0, endValue: rows - 1, zoomOnMouseWheel: false, moveOnMouseWheel: true }];
      opt.grid = Object.assign(opt.grid || {}, { right: 28 });
    }
    return opt;
  }

  function draw(el) {
    if (charts[el.id] || !el.offsetWidth) return;
    var kind = el.getAttribute("data-kind"), i = +el.getAttribute("data-athlete");
    try {
      var c = echarts.init(el, null, { renderer: "svg" });
      var opt = el.hasAttribute("data-team") ? team(kind) : build(kind, i);
      if (opt.legend) opt.legend.data = legendOf(opt);
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

  // Printing opens the tables and draws the charts of the athletes shown;
  // a big team's folded athletes stay folded (thousands of charts would
  // stall the browser).
  window.addEventListener("beforeprint", function () {
    var folds = document.querySelectorAll("details.fold");
    document.querySelectorAll("details").forEach(function (d) {
      if (folds.length <= 5 || !d.classList.contains("fold")) d.open = true;
    });
    drawAll();
  });
  if (location.hash === "#all") {
    document.querySelectorAll("details.fold").forEach(function (d) { d.open = true; });
    drawAll();
  }
})();
