// workin report glue: joins the chart option skeletons (built in Go with
// go-echarts, see report/charts.go) with each athlete's datasets, and draws
// a chart when it comes near the viewport. Everything a chart shows is
// decided in Go; this keeps only what must run in the browser: drawing as
// charts scroll into view, the zoom, folding, theme colours from CSS, one
// series per sport from a prototype, and tooltips that format values.
// No network, no storage, no eval.
(function () {
  "use strict";
  var sk = JSON.parse(document.getElementById("wk-charts").textContent);
  var OPTS = sk.opts, META = sk.meta;
  var dataCache = {};
  var charts = {};           // element id -> echarts instance
  var windows = {};          // athlete index -> weeks shown (0 = all)
  var DEFAULT_WEEKS = 12;

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function athleteData(i) {
    if (!dataCache[i]) {
      var d = JSON.parse(document.getElementById("data-" + i).textContent);
      d.ds[0].date = dates(d.start, d.n);
      d.vars.dates = d.ds[0].date;
      d.vars.cell = window.innerWidth < 700 ? [14, 14] : ["auto", 14];
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

  // resolve replaces every "$name" string of the options with the
  // athlete's value (a threshold, the calendar's range, the timeline's
  // rows); inside a longer string, "$name" is replaced by the value.
  function resolve(o, vars) {
    if (Array.isArray(o)) return o.map(function (x) { return resolve(x, vars); });
    if (o && typeof o === "object") {
      Object.keys(o).forEach(function (k) { o[k] = resolve(o[k], vars); });
      return o;
    }
    if (typeof o === "string" && o.indexOf("$") >= 0) {
      if (o.charAt(0) === "$" && vars.hasOwnProperty(o.slice(1))) return vars[o.slice(1)];
      return o.replace(/\$([a-zA-Z]+)/g, function (m, k) { return vars.hasOwnProperty(k) ? vars[k] : m; });
    }
    return o;
  }

  // esc makes user text (athlete names, sports) safe inside tooltip HTML:
  // ECharts sets a formatter's string as innerHTML.
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // expandSports replaces the prototype series (id "sport") with one series
  // per sport of the athlete.
  function expandSports(opt, d) {
    var out = [];
    opt.series.forEach(function (s) {
      if (s.id !== "sport") { out.push(s); return; }
      var prefix = s.encode.y.charAt(0);
      d.sports.forEach(function (sp, i) {
        var c = clone(s);
        c.id = "sport" + i;
        c.name = sp.name;
        c.encode = { x: s.encode.x, y: prefix + i };
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

  // theme gives the options the page's colours (light or dark, from CSS).
  function theme(opt) {
    var ink = css("--ink") || "#1A1A1A", muted = css("--muted") || "#5C5C5C";
    opt.textStyle = { color: ink, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" };
    if (opt.legend) {
      [].concat(opt.legend).forEach(function (l) { Object.assign(l, { textStyle: { color: ink }, pageTextStyle: { color: muted } }); });
    }
    [].concat(opt.yAxis || []).forEach(function (y) {
      if (y && y.name) y.nameTextStyle = { align: "left", color: muted };
    });
    opt.tooltip = Object.assign(opt.tooltip || {}, { confine: true });
    return opt;
  }

  function build(kind, i) {
    var d = athleteData(i);
    var opt = resolve(clone(OPTS[kind]), d.vars);
    theme(opt);
    opt.aria = { enabled: true, label: { description: document.getElementById("c" + i + "-" + kind).getAttribute("aria-label") } };
    opt.dataset = d.ds.map(function (src) { return { source: src }; });
    if (opt.series && opt.series.some(function (s) { return s.id === "sport"; })) expandSports(opt, d);
    if (FORMAT[kind]) FORMAT[kind](opt, d);
    addSpans(opt, d, kind);
    if (kind === "weekly") {
      var nw = d.ds[1].week.length;
      if (nw > 26) opt.dataZoom = [Object.assign({ type: "inside" }, zoomRange(nw, 26, 1))];
      return opt;
    }
    var weeks = windows[i] === undefined ? DEFAULT_WEEKS : windows[i];
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

  // Tooltips and labels that format values, by chart kind.
  var FORMAT = {
    hrv: function (opt) {
      opt.yAxis[0].axisLabel = { formatter: function (v) { return Math.round(Math.exp(v)); } };
      opt.tooltip.formatter = function (ps) {
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
      };
    },
    daily: function (opt) {
      opt.series.forEach(function (s) { if (s.id === "hard") s.symbolOffset = [0, -8]; });
    },
    wellness: function (opt, d) {
      var strip = opt.series[opt.series.length - 1];
      strip.tooltip = { trigger: "item", formatter: function (p) {
        return d.vars.dates[p.value[0]] + "<br>" + opt.yAxis[1].data[p.value[1]] + ": " + p.value[3] + "/10";
      } };
    },
    timeline: function (opt, d) {
      var actions = opt.visualMap[0].pieces.map(function (p) { return p.label; });
      opt.tooltip.formatter = function (p) {
        var day = d.vars.dates[p.value[0]];
        if (p.seriesIndex === 0) return day + "<br>advice for the next session: " + actions[p.value[2]];
        return day + "<br>" + d.vars.rows[p.value[1]] + (p.value[2] === 2 ? " (alert)" : "");
      };
    },
    calendar: function (opt) {
      opt.tooltip.formatter = function (p) {
        var v = p.value[p.encode.value[0]], day = p.value[p.encode.time[0]];
        if (p.seriesIndex === 1) return day + "<br>readiness " + Math.round(v) + "/100";
        return day + "<br>" + (v === -2 ? "rest day" : v === -1 ? "rest day with a work-in" : Math.round(v) + " LP");
      };
    }
  };

  // Rule spans: each chart shades the runs of the rules about what it
  // draws (META[kind].spans, from the rule registry), alerts darker.
  function addSpans(opt, d, kind) {
    var rules = (META[kind] && META[kind].spans) || [];
    if (!rules.length || !opt.series || !opt.series.length) return;
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

  // team returns the overview's chart options, built in Go with their data.
  var teamOpts = null;
  function team(kind) {
    if (!teamOpts) teamOpts = JSON.parse(document.getElementById("team-data").textContent);
    var opt = theme(clone(teamOpts[kind]));
    if (kind === "teamload") {
      opt.tooltip.formatter = function (ps) {
        var lines = [esc(ps[0].axisValue)];
        ps.forEach(function (p) { if (p.value != null) lines.push(p.marker + esc(p.seriesName) + " " + p.value + " LP"); });
        return lines.join("<br>");
      };
    } else {
      opt.tooltip.formatter = function (p) {
        return esc(opt.yAxis[0].data[p.value[1]]) + "<br>" + opt.xAxis[0].data[p.value[0]] + ": readiness " + p.value[2];
      };
    }
    return opt;
  }

  function draw(el) {
    if (charts[el.id] || !el.offsetWidth) return;
    var kind = el.getAttribute("data-kind"), i = +el.getAttribute("data-athlete");
    try {
      var c = echarts.init(el, null, { renderer: "svg" });
      var opt = el.hasAttribute("data-team") ? team(kind) : build(kind, i);
      if (opt.legend && !el.hasAttribute("data-team")) [].concat(opt.legend)[0].data = legendOf(opt);
      c.setOption(opt);
      if (!el.hasAttribute("data-team") && META[kind] && META[kind].zoom) {
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
      var c = charts[el.id], kind = el.getAttribute("data-kind");
      if (!c || !(META[kind] && META[kind].zoom)) return;
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
