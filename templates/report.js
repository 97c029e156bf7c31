// workin report glue: joins the chart option skeletons (built in Go with
// go-echarts, see report/charts.go) with each athlete's datasets, and draws
// a chart when it comes near the viewport. Everything a chart shows is
// decided in Go; this keeps only what must run in the browser: unpacking a
// big team's athletes when opened, deriving the datasets that follow from
// the written columns, drawing charts as they scroll into view, the zoom,
// the tables of what a chart shows, colours from the page's CSS (light,
// dark, print), one series per sport from a prototype, tooltips that
// format values, and sorting and filtering the roster.
// No network, no storage, no eval.
(function () {
  "use strict";
  var sk = JSON.parse(document.getElementById("wk-charts").textContent);
  var OPTS = sk.opts, META = sk.meta;
  var dataCache = {};
  var charts = {};           // element id -> echarts instance
  var windows = {};          // athlete index -> weeks shown (0 = all)
  var DEFAULT_WEEKS = 12;
  var PRINT_WIDTH = 718;     // A4 less 10 mm margins, in CSS px
  var printing = false;

  function fail(where, e) {
    console.error("workin " + where + ": " + (e && e.message ? e.message : e));
  }

  // ---- Colours: every "$name" colour of the options is a CSS custom
  // property --c-name of report.css, read from the page (light or dark),
  // or from the light palette when printing.
  var lightProbe = null;
  function themeVars() {
    var from = document.documentElement;
    if (printing) {
      if (!lightProbe) {
        lightProbe = document.createElement("div");
        lightProbe.className = "theme-light";
        lightProbe.hidden = true;
        document.body.appendChild(lightProbe);
      }
      from = lightProbe;
    }
    var st = getComputedStyle(from), out = {};
    THEME_KEYS.forEach(function (k) { out[k] = st.getPropertyValue("--c-" + k).trim(); });
    return out;
  }

  // colourVars are the colours as the options name them: "$c-ink" (a
  // prefix no placeholder of an athlete's vars has).
  function colourVars(v) {
    var out = {};
    Object.keys(v).forEach(function (k) { out["c-" + k] = v[k]; });
    return out;
  }
  var THEME_KEYS = ["ink", "muted", "grid", "panel", "bg", "blue", "grey", "light", "band", "bandEdge", "bandRest", "bandLow",
    "bandGrey", "spanWarn", "spanAlert", "spanWarnMark", "spanAlertMark", "go", "easy", "workin", "rest", "unknown",
    "heat0", "heat1", "heat2", "heat3", "heat4", "load1", "load2", "load3", "load4", "restCell", "hatch",
    "sport-ride", "sport-run", "sport-swim", "sport-strength", "sport-x1", "sport-x2", "sport-x3", "sport-x4", "sport-x5",
    "sport-other", "sport-workin", "team0", "team1", "team2", "team3", "team4", "team5", "team6", "team7", "teamOther"];

  function clone(o) { return JSON.parse(JSON.stringify(o)); }

  // resolve replaces every "$name" string of the options with the value
  // (a threshold, the calendar's range, the timeline's rows, a colour);
  // inside a longer string, "$name" is replaced by the value. Only for
  // options without user text: the skeletons.
  function resolve(o, vars) {
    if (Array.isArray(o)) return o.map(function (x) { return resolve(x, vars); });
    if (o && typeof o === "object") {
      Object.keys(o).forEach(function (k) { o[k] = resolve(o[k], vars); });
      return o;
    }
    if (typeof o === "string" && o.indexOf("$") >= 0) {
      if (o.charAt(0) === "$" && vars.hasOwnProperty(o.slice(1))) return vars[o.slice(1)];
      return o.replace(/\$([a-zA-Z0-9-]+)/g, function (m, k) { return vars.hasOwnProperty(k) ? vars[k] : m; });
    }
    return o;
  }

  // resolveColours resolves only colour values: for the team charts, whose
  // options hold athletes' names (never read as placeholders).
  function resolveColours(o, vars) {
    if (Array.isArray(o)) { o.forEach(function (x) { resolveColours(x, vars); }); return o; }
    if (o && typeof o === "object") {
      Object.keys(o).forEach(function (k) {
        var v = o[k];
        if (typeof v === "string" && /color$/i.test(k) && v.charAt(0) === "$" && vars.hasOwnProperty(v.slice(1))) o[k] = vars[v.slice(1)];
        else if (typeof v === "object") resolveColours(v, vars);
      });
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

  // ---- An athlete's data, and the datasets that follow from it.
  function athleteData(i) {
    if (!dataCache[i]) {
      var el = document.getElementById("data-" + i);
      if (!el) return null;
      var d = JSON.parse(el.textContent);
      derive(d);
      d.vars.dates = d.ds[0].date;
      d.vars.cell = window.innerWidth < 700 ? [14, 14] : ["auto", 14];
      dataCache[i] = d;
    }
    return dataCache[i];
  }

  var DAY = 86400000;

  // derive adds what follows from the written columns (Go writes each
  // number once; report/charts.go, derivedColumns, lists these): the
  // dates; the calendar's codes (rest −2, rest with a work-in −1, else the
  // load); the ▲ of days with a hard session; elevated resting-HR mornings;
  // the timeline's advice row (ds 2) and rule rows (ds 3) and the check-in
  // strip (ds 4): for each morning and item, its darkness 0 (good) … 9 (bad
  // for you: soreness and stress as rated, sleep quality, mood and energy
  // flipped) and the rating.
  function derive(d) {
    var n = d.n, c = d.ds[0], i;
    var date = new Array(n);
    if (d.start) {
      var p = d.start.split("-"), t = Date.UTC(+p[0], +p[1] - 1, +p[2]);
      for (i = 0; i < n; i++) date[i] = new Date(t + i * DAY).toISOString().slice(0, 10);
    }
    c.date = date;
    c.cal = c.f.map(function (f, i) { return f & 1 ? (f & 2 ? -1 : -2) : c.load[i]; });
    c.hard = c.f.map(function (f, i) { return f & 4 ? c.load[i] : null; });
    c.relev = c.rhr.map(function (v, i) { return v != null && c.rlim[i] != null && v >= c.rlim[i] ? v : null; });
    var adv = { x: [], y: [], v: [] };
    for (i = 0; i < n; i++) { adv.x.push(i); adv.y.push(0); adv.v.push(c.act[i]); }
    var fl = { x: [], y: [], v: [] }, sp = d.spans;
    sp.r.forEach(function (row, j) {
      for (var k = sp.a[j]; k <= sp.b[j]; k++) { fl.x.push(k); fl.y.push(row); fl.v.push(sp.s[j] ? 2 : 1); }
    });
    var strip = { x: [], y: [], v: [], raw: [] };
    var items = [["sq", true], ["sore", false], ["stress", false], ["mood", true], ["energy", true]];
    for (i = 0; i < n; i++) {
      items.forEach(function (it, k) {
        var v = c[it[0]][i];
        if (v == null) return;
        strip.x.push(i); strip.y.push(k); strip.v.push(it[1] ? 10 - v : v - 1); strip.raw.push(v);
      });
    }
    d.ds[2] = adv; d.ds[3] = fl; d.ds[4] = strip;
    // The projection (ds 5): the as-of day, then each planned day.
    if (d.plan && n) {
      var q = d.plan, t0 = Date.parse(date[n - 1] + "T00:00:00Z");
      q.date = q.ctl.map(function (_, k) { return new Date(t0 + k * DAY).toISOString().slice(0, 10); });
      d.ds[5] = q;
    }
  }

  // planDays is how many planned days a chart draws after today: the
  // dashed "plan" series (dataset 5), kept only for an athlete with a plan.
  var PLAN_DS = 5;
  function planDays(opt, d) {
    if (!opt.series) return 0;
    if (!d.ds[PLAN_DS]) {
      opt.series = opt.series.filter(function (s) { return s.datasetIndex !== PLAN_DS; });
      return 0;
    }
    return opt.series.some(function (s) { return s.datasetIndex === PLAN_DS; }) ? d.ds[PLAN_DS].date.length - 1 : 0;
  }
  var extraDays = {};        // element id -> planned days drawn after today

  // dayRange is the zoom window of a day chart: the planned days follow
  // today whenever today is shown.
  function dayRange(n, weeks, extra) {
    var r = zoomRange(n, weeks, 7);
    if (extra && r.endValue === n - 1) r.endValue += extra;
    return r;
  }

  // check reports a series that encodes a column its dataset lacks: a
  // chart that would draw nothing, silently.
  function check(opt, kind) {
    (opt.series || []).forEach(function (s) {
      var ds = opt.dataset && opt.dataset[s.datasetIndex || 0];
      if (!s.encode || !ds) return;
      Object.keys(s.encode).forEach(function (k) {
        [].concat(s.encode[k]).forEach(function (col) {
          if (!(col in ds.source)) fail("chart " + kind, "series " + s.id + " encodes " + col + ", which its dataset lacks");
        });
      });
    });
  }

  // ---- Sport stacks: the prototype series (id "sport") becomes one
  // series per stack of the athlete, and a hatched twin for the load
  // estimated from RPE; a legend entry explains the hatching.
  function expandSports(opt, d, v) {
    var out = [], rpe = false;
    opt.series.forEach(function (s) {
      if (s.id !== "sport") { out.push(s); return; }
      var m = s.encode.y.charAt(0), q = m === "s" ? "q" : "v";
      d.sports.forEach(function (sp, i) {
        var colour = resolve(sp.color, v);
        var c = clone(s);
        c.id = "sport" + i;
        c.name = sp.name;
        c.encode = { x: s.encode.x, y: m + i };
        c.itemStyle = { color: colour };
        out.push(c);
        if (sp.rpe) {
          rpe = true;
          var h = clone(c);
          h.id = "rpe" + i;
          h.encode = { x: s.encode.x, y: q + i };
          h.itemStyle = { color: colour, decal: hatch(v) };
          out.push(h);
        }
      });
      if (rpe) out.push({ type: "bar", id: "rpekey", name: "hatched: from RPE", data: [], stack: s.stack,
        itemStyle: { color: v["c-light"], decal: hatch(v) } });
    });
    opt.series = out;
  }

  function hatch(v) {
    return { symbol: "rect", symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: v["c-hatch"] };
  }

  function zoomRange(n, weeks, perWeek) {
    if (!weeks || n <= weeks * perWeek) return { startValue: 0, endValue: Math.max(n - 1, 0) };
    return { startValue: n - weeks * perWeek, endValue: n - 1 };
  }

  // theme gives the options the page's colours and type.
  function theme(opt, v) {
    opt.textStyle = { color: v.ink, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" };
    [].concat(opt.legend || []).forEach(function (l) {
      Object.assign(l, { textStyle: { color: v.ink }, pageTextStyle: { color: v.muted }, inactiveColor: v.grid });
    });
    [].concat(opt.yAxis || [], opt.xAxis || []).forEach(function (a) {
      if (!a) return;
      if (a.name) a.nameTextStyle = Object.assign({ align: "left", color: v.muted }, a.nameTextStyle);
      a.axisLabel = Object.assign({ color: v.muted }, a.axisLabel);
      a.axisLine = Object.assign({ lineStyle: { color: v.muted } }, a.axisLine);
    });
    [].concat(opt.visualMap || []).forEach(function (m) { m.textStyle = Object.assign({}, m.textStyle, { color: v.ink }); });
    [].concat(opt.calendar || []).forEach(function (c) {
      c.dayLabel = Object.assign({}, c.dayLabel, { color: v.muted });
      c.monthLabel = Object.assign({}, c.monthLabel, { color: v.muted });
    });
    opt.tooltip = Object.assign(opt.tooltip || {}, { confine: true, backgroundColor: v.panel, borderColor: v.muted, textStyle: { color: v.ink } });
    return opt;
  }

  // fitLegend lays the legend out in full (never paged, so print and
  // phones show every series) and moves the grids down by the lines it
  // takes, estimated from its labels.
  function fitLegend(opt, el) {
    var legend = [].concat(opt.legend || [])[0];
    if (!legend || legend.show === false) return;
    var names = legend.data || opt.series.map(function (s) { return s.name; });
    var width = printing ? PRINT_WIDTH : el.clientWidth || 300, lines = 1, x = 0;
    names.forEach(function (n) {
      var w = 34 + 6.6 * String(n).length;
      if (x > 0 && x + w > width) { lines++; x = 0; }
      x += w;
    });
    legend.type = "plain";
    legend.itemGap = 8;
    if (lines < 2) return;
    var extra = 22 * (lines - 1), h = printing ? (el.closest(".tall") ? 260 : 200) : el.clientHeight || 300;
    [].concat(opt.grid || []).forEach(function (g) {
      ["top", "height"].forEach(function (k) {
        if (typeof g[k] === "string" && g[k].slice(-1) === "%") g[k] = parseFloat(g[k]) / 100 * h;
        else if (g[k] != null) g[k] = +g[k];
      });
      if (g.height != null) g.height = Math.max(40, g.height - extra / 2);
      g.top += g.top < h / 2 ? extra : extra / 2;
    });
  }

  function build(kind, i, el) {
    var d = athleteData(i);
    var v = themeVars();
    var vars = Object.assign(colourVars(v), d.vars);
    var opt = resolve(clone(OPTS[kind]), vars);
    theme(opt, v);
    opt.aria = { enabled: true, label: { description: el.getAttribute("aria-label") } };
    opt.dataset = d.ds.map(function (src) { return { source: src }; });
    var extra = planDays(opt, d);
    extraDays[el.id] = extra;
    if (opt.series && opt.series.some(function (s) { return s.id === "sport"; })) expandSports(opt, d, vars);
    if (FORMAT[kind]) FORMAT[kind](opt, d, v);
    addSpans(opt, d, kind, v);
    check(opt, kind);
    if (opt.legend && !Array.isArray(opt.legend)) opt.legend.data = legendOf(opt);
    fitLegend(opt, el);
    if (kind === "weekly") {
      var nw = d.ds[1].week.length, show = printing ? 12 : window.innerWidth < 500 ? 12 : 26;
      if (nw > show) opt.dataZoom = [Object.assign({ type: "inside" }, zoomRange(nw, show, 1))];
      return opt;
    }
    var weeks = printing ? DEFAULT_WEEKS : windows[i] === undefined ? DEFAULT_WEEKS : windows[i];
    var range = dayRange(d.n, weeks, extra);
    var narrow = window.innerWidth < 500 || printing;
    (opt.dataZoom || []).forEach(function (z) {
      Object.assign(z, range);
      if (z.type === "slider") Object.assign(z, { height: 18, bottom: 4, show: !narrow, labelFormatter: "",
        borderColor: v.grid, fillerColor: "rgba(128,128,128,.15)", textStyle: { color: v.muted },
        handleStyle: { color: v.panel, borderColor: v.muted }, dataBackground: { lineStyle: { color: v.muted }, areaStyle: { color: v.grid } } });
    });
    if (narrow && opt.grid) {
      [].concat(opt.grid).forEach(function (g) { if (g.bottom === "56") g.bottom = "28"; });
    }
    return opt;
  }

  // Tooltips and labels that format values, by chart kind.
  var ACTION_SHAPES = ["circle", "emptyDiamond", "path://M0 10a10 10 0 1 0 20 0a10 10 0 1 0-20 0zM20 10a10 10 0 0 1-20 0z", "emptyCircle", "rect"];
  var FORMAT = {
    hrv: function (opt) {
      opt.yAxis[0].axisLabel = Object.assign(opt.yAxis[0].axisLabel || {}, { formatter: function (v) { return Math.round(Math.exp(v)); } });
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
    daily: function (opt, d) {
      opt.series.forEach(function (s) { if (s.id === "hard") s.symbolOffset = [0, -8]; });
      opt.tooltip.formatter = function (ps) {
        var lines = [ps[0].axisValue], i = ps[0].dataIndex, f = d.ds[0].f[i];
        ps.forEach(function (p) {
          var v = p.value && p.value[p.encode.y[0]];
          if (v == null || p.seriesId === "hard") return;
          lines.push(p.marker + esc(p.seriesName) + " " + v + " LP" + (/^rpe/.test(p.seriesId) ? " (from RPE)" : ""));
        });
        if (f & 4) lines.push("▲ a hard session");
        if (f & 16) lines.push("a session of unknown load (0 LP)");
        if (f & 1) lines.push(f & 2 ? "rest day with a work-in" : "rest day");
        if (f & 8) lines.push("today, not over");
        return lines.join("<br>");
      };
    },
    weekly: function (opt, d) {
      var w = d.ds[1], last = w.week.length - 1;
      var open = last >= 0 && w.days[last] < 7 && d.ds[0].f[d.n - 1] & 8;
      opt.xAxis[0].axisLabel = Object.assign(opt.xAxis[0].axisLabel || {}, { formatter: function (val, k) {
        return k === last && open ? "this week" : shortDay(val);
      } });
      opt.series.forEach(function (s) {
        if (s.id === "total") s.label.formatter = function (p) {
          var t = w.total[p.dataIndex];
          return p.dataIndex === last && open ? t + " so far" : String(t);
        };
      });
      opt.tooltip.formatter = function (ps) {
        var k = ps[0].dataIndex, lines = ["week of " + shortDay(w.week[k]) + (k === last && open ? " (in progress)" : "")];
        ps.forEach(function (p) {
          var v = p.value && p.value[p.encode.y[0]];
          if (v == null || p.seriesId === "total") return;
          lines.push(p.marker + esc(p.seriesName) + " " + v + " LP" + (/^rpe/.test(p.seriesId) ? " (from RPE)" : ""));
        });
        lines.push("total " + w.total[k] + " LP · " + w.rest[k] + " rest d");
        return lines.join("<br>");
      };
    },
    wellness: function (opt, d) {
      var strip = opt.series[opt.series.length - 1];
      strip.tooltip = { trigger: "item", formatter: function (p) {
        return d.vars.dates[p.value[0]] + "<br>" + opt.yAxis[1].data[p.value[1]] + ": " + p.value[3] + "/10";
      } };
    },
    timeline: function (opt, d) {
      var actions = opt.visualMap[0].pieces.map(function (p) { return p.label; });
      opt.series[0].symbol = function (val) { return ACTION_SHAPES[val[2]] || "circle"; };
      opt.tooltip.formatter = function (p) {
        var day = d.vars.dates[p.value[0]];
        if (p.seriesIndex === 0) return day + "<br>advice for the next session: " + actions[p.value[2]];
        return day + "<br>" + d.vars.rows[p.value[1]] + (p.value[2] === 2 ? " (alert)" : " (warning)");
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

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function shortDay(iso) {
    var p = String(iso).split("-");
    return +p[2] + " " + MONTHS[+p[1] - 1];
  }

  // Rule spans: each chart shades the runs of the rules about what it
  // draws (META[kind].spans, from the rule registry), alerts darker. They
  // carry no labels (the card names them below the chart and the
  // timeline has a row per rule), so nothing collides at any width; a tap
  // or hover names the rule.
  function addSpans(opt, d, kind, v) {
    var rules = (META[kind] && META[kind].spans) || [];
    if (!rules.length || !opt.series || !opt.series.length) return;
    var sp = d.spans, dates = d.ds[0].date, data = [];
    sp.r.forEach(function (row, j) {
      var rule = d.vars.rows[row];
      if (rules.indexOf(rule) < 0) return;
      data.push([{ name: rule + (sp.s[j] ? " (alert)" : ""), xAxis: dates[sp.a[j]], itemStyle: { color: sp.s[j] ? v.spanAlert : v.spanWarn } },
        { xAxis: dates[sp.b[j]] }]);
    });
    if (!data.length) return;
    var host = opt.series[0];
    var ma = host.markArea || { data: [] };
    ma.data = (ma.data || []).concat(data);
    host.markArea = ma;
    ma.tooltip = { show: true, trigger: "item", formatter: function (p) { return esc(p.name); } };
    // Only the threshold bands keep a label; spans have none.
    ma.data.forEach(function (pair) {
      if (pair[0].xAxis !== undefined) pair[0].label = { show: false };
    });
  }

  // legendOf lists every named series but the label-only ones, each name
  // once (a sport's RPE twin shares its name).
  var NO_LEGEND = { total: 1, hlo: 1, strip: 1, advice: 1, flags: 1, pacute: 1, pchronic: 1 };
  function legendOf(opt) {
    var seen = {};
    return opt.series.filter(function (s) {
      if (NO_LEGEND[s.id] || s.type === "heatmap" || seen[s.name]) return false;
      seen[s.name] = true;
      return true;
    }).map(function (s) { return s.name; });
  }

  // Charts follow their box: window resizes, rotation, opened details.
  // A large change of width (a phone turned) draws the chart again, so its
  // legend and grids are laid out for the new width.
  var drawnWidth = {};
  var resizer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) {
      var id = e.target.id, c = charts[id], w = e.contentRect.width;
      if (!c || !w || printing) return;
      if (Math.abs(w - (drawnWidth[id] || w)) > 60) {
        c.dispose();
        delete charts[id];
        draw(e.target);
      } else {
        c.resize();
      }
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
  function team(kind, el) {
    if (!teamOpts) teamOpts = JSON.parse(document.getElementById("team-data").textContent);
    var v = themeVars();
    var opt = theme(resolveColours(clone(teamOpts[kind]), colourVars(v)), v);
    if (kind === "teamload") {
      fitLegend(opt, el);
      opt.tooltip.formatter = function (ps) {
        var lines = [esc(ps[0].axisValue)];
        ps.forEach(function (p) { if (p.value != null) lines.push(p.marker + esc(p.seriesName) + " " + p.value + " LP"); });
        return lines.join("<br>");
      };
    } else {
      var data = [], missing = [];
      teamOpts.grid.forEach(function (row, y) {
        row.forEach(function (v, x) { (v == null ? missing : data).push([x, y, v == null ? -1 : v]); });
      });
      opt.series[0].data = data;
      opt.series[1].data = missing;
      if (printing && opt.dataZoom) opt.dataZoom = opt.dataZoom.filter(function (z) { return z.type !== "slider"; });
      opt.tooltip.formatter = function (p) {
        var v = p.value[2];
        return esc(opt.yAxis[0].data[p.value[1]]) + "<br>" + opt.xAxis[0].data[p.value[0]] + ": " + (v < 0 ? "no check-in" : "readiness " + v);
      };
    }
    return opt;
  }

  function draw(el) {
    if (charts[el.id] || !el.offsetWidth) return;
    var kind = el.getAttribute("data-kind"), i = +el.getAttribute("data-athlete");
    var isTeam = el.hasAttribute("data-team");
    try {
      // In print the charts are drawn at the paper's width (A4 less the
      // page margins) and scale to the card (report.css).
      var size = printing ? { width: PRINT_WIDTH, height: isTeam ? el.clientHeight : el.closest(".tall") ? 260 : 200 } : {};
      var c = echarts.init(el, null, Object.assign({ renderer: "svg" }, size));
      var opt = isTeam ? team(kind, el) : build(kind, i, el);
      c.setOption(opt);
      if (printing) {
        var svg = el.querySelector("svg");
        if (svg) svg.setAttribute("viewBox", "0 0 " + size.width + " " + size.height);
      }
      if (!isTeam && META[kind] && META[kind].zoom) {
        // Charts with planned days have more days than the others: they
        // follow the zoom by day (syncPlan), not by share of the axis.
        if (!extraDays[el.id]) {
          c.group = "days" + i;
          echarts.connect("days" + i);
        }
        c.on("dataZoom", function () { refreshTable(el); if (kind === "timeline") fitShapes(c, el); syncPlan(el, c, i); });
      }
      if (kind === "timeline") fitShapes(c, el);
      charts[el.id] = c;
      drawnWidth[el.id] = el.clientWidth;
      if (resizer) resizer.observe(el);
    } catch (e) {
      el.textContent = "This chart could not be drawn: " + e.message;
      fail("chart " + el.id, e);
    }
  }

  // syncPlan moves the charts with planned days when another day chart of
  // the athlete is zoomed, and the others when one of them is: by day, the
  // planned days shown whenever today is.
  var syncing = false;
  function syncPlan(el, c, i) {
    if (syncing) return;
    var d = athleteData(i), n = d.n, z = c.getOption().dataZoom;
    if (!z || !z.length || z[0].startValue == null) return;
    var s = Math.min(z[0].startValue, n - 1), e = Math.min(z[0].endValue, n - 1), src = extraDays[el.id] || 0;
    syncing = true;
    try {
      document.querySelectorAll('.chart[data-athlete="' + i + '"]').forEach(function (o) {
        var oc = charts[o.id], k = o.getAttribute("data-kind"), x = extraDays[o.id] || 0;
        if (!oc || o === el || !(META[k] && META[k].zoom) || (!x && !src)) return;
        oc.dispatchAction({ type: "dataZoom", startValue: s, endValue: e === n - 1 && x ? n - 1 + x : e });
      });
    } finally {
      syncing = false;
    }
  }

  // fitShapes sizes the advice shapes to the days shown, so they never
  // overlap: 9 px when there is room, down to 3.
  function fitShapes(c, el) {
    var z = c.getOption().dataZoom, days = z && z.length ? z[0].endValue - z[0].startValue + 1 : 84;
    var size = Math.max(3, Math.min(9, Math.floor((el.clientWidth - 150) / days) - 1));
    c.setOption({ series: [{ id: "advice", symbolSize: size }] });
  }

  function redraw() {
    Object.keys(charts).forEach(function (id) {
      charts[id].dispose();
      delete charts[id];
      var el = document.getElementById(id);
      if (el) draw(el);
    });
  }

  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) draw(e.target); });
  }, { rootMargin: "200px 0px" }) : null;

  function watch(root) {
    root.querySelectorAll(".chart").forEach(function (el) {
      if (observer) observer.observe(el); else draw(el);
    });
    root.querySelectorAll(".card").forEach(addZoom);
  }

  // Window presets, written once here rather than in every card: all day
  // charts of an athlete move together.
  function addZoom(card) {
    var el = card.querySelector(".chart[data-athlete]");
    if (!el || card.querySelector(".zoom")) return;
    var kind = el.getAttribute("data-kind");
    if (!(META[kind] && META[kind].zoom)) return;
    var i = +el.getAttribute("data-athlete"), cur = windows[i] === undefined ? DEFAULT_WEEKS : windows[i];
    var g = document.createElement("div");
    g.className = "zoom";
    g.setAttribute("role", "group");
    g.setAttribute("aria-label", "Time window");
    [[4, "4 w"], [12, "12 w"], [26, "6 m"], [0, "all"]].forEach(function (w) {
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("data-weeks", w[0]);
      b.textContent = w[1];
      if (w[0] === cur) b.className = "on";
      g.appendChild(b);
    });
    card.insertBefore(g, el);
  }

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest(".zoom button");
    if (!b) return;
    var sec = b.closest(".athlete");
    var first = sec.querySelector(".chart[data-athlete]");
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
      var r = dayRange(n, weeks, extraDays[el.id]);
      c.dispatchAction({ type: "dataZoom", startValue: r.startValue, endValue: r.endValue });
    });
  });

  // ---- Tables: a day chart's table shows the days the chart shows,
  // built when opened (and again when the window moves); the page may
  // hold a table for the last 12 weeks already, for readers without
  // scripts.
  function windowOf(el, d) {
    var c = charts[el.id];
    if (c) {
      var z = c.getOption().dataZoom;
      if (z && z.length && z[0].startValue != null) return [Math.min(z[0].startValue, d.n - 1), Math.min(z[0].endValue, d.n - 1)];
    }
    var i = +el.getAttribute("data-athlete");
    var r = zoomRange(d.n, windows[i] === undefined ? DEFAULT_WEEKS : windows[i], 7);
    return [r.startValue, r.endValue];
  }

  function fixed(v, dec) {
    if (v == null) return "";
    var s = (+v).toFixed(dec);
    if (s.charAt(0) === "-") s = /^-[0.]*$/.test(s) ? s.slice(1) : "−" + s.slice(1);
    return s;
  }

  // cell formats a table cell as report/tables.go does (dayColumns.cell).
  function cell(col, c, i) {
    var v = c[col.c] ? c[col.c][i] : null;
    switch (col.f) {
      case "ms": return v == null ? "" : String(Math.round(Math.exp(v)));
      case "band":
        var w = c.hw[i];
        return v == null || w == null ? "" : Math.round(Math.exp(v)) + "–" + Math.round(Math.exp(v + w));
      case "day":
        var f = c.f[i];
        return f & 8 ? "today, not over" : f & 1 ? (f & 2 ? "rest + work-in" : "rest") : f & 16 ? "load unknown" : "";
      case "hard": return c.f[i] & 4 ? "▲" : "";
      case "rpe":
        var sum = 0, any = false;
        for (var g = 0; c["s" + g]; g++) { var q = c["q" + g]; if (q && q[i] != null) { sum += q[i]; any = true; } }
        return any ? fixed(sum, 0) : "";
    }
    return fixed(v, +col.f);
  }

  function refreshTable(el) {
    var card = el.closest(".card"), det = card && card.querySelector("details.data");
    if (det && det.open) buildTable(det);
  }

  function buildTable(det) {
    var card = det.closest(".card"), el = card.querySelector(".chart");
    var kind = det.getAttribute("data-table"), spec = META[kind] && META[kind].table;
    if (!spec) return;
    var d = athleteData(+el.getAttribute("data-athlete"));
    if (!d) return;
    var w = windowOf(el, d), c = d.ds[0];
    var t = document.createElement("table"), cap = t.createCaption(), head = t.createTHead().insertRow(), body = t.createTBody();
    var days = w[1] - w[0] + 1;
    cap.textContent = META[kind].noun + " by day, newest first: " +
      (w[1] === d.n - 1 ? "the last " + (days >= 14 ? Math.round(days / 7) + " weeks" : days + (days === 1 ? " day" : " days")) + ", as the chart shows"
        : "the days the chart shows, " + c.date[w[0]] + " to " + c.date[w[1]]);
    [{ h: "Date" }].concat(spec).forEach(function (col, k) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = col.h;
      if (k) th.className = "num";
      head.appendChild(th);
    });
    var left = 0;
    for (var i = w[1]; i >= w[0]; i--) {
      var cells = spec.map(function (col) { return cell(col, c, i); });
      if (!cells.some(function (x) { return x !== ""; })) { left++; continue; }
      var tr = body.insertRow(), th = document.createElement("th");
      th.scope = "row";
      th.textContent = c.date[i];
      tr.appendChild(th);
      cells.forEach(function (x) { var td = tr.insertCell(); td.className = "num"; td.textContent = x === "" ? "—" : x; });
    }
    if (left) cap.textContent += " (days without a value left out)";
    if (!body.rows.length) {
      var none = body.insertRow().insertCell();
      none.colSpan = spec.length + 1;
      none.textContent = "No values in these days.";
    }
    var wrap = det.querySelector(".scroll");
    if (!wrap) { wrap = document.createElement("div"); wrap.className = "scroll"; det.appendChild(wrap); }
    wrap.textContent = "";
    wrap.appendChild(t);
  }

  document.addEventListener("toggle", function (ev) {
    var det = ev.target;
    if (det.matches && det.matches("details.data") && det.open) buildTable(det);
  }, true);

  // ---- Folding: opening an athlete unpacks it (a big team) and draws its
  // visible charts; closing one frees them.
  var dict = null;
  function dictBlocks() {
    if (dict) return dict;
    var bytes = new TextEncoder().encode(JSON.parse(document.getElementById("wk-dict").textContent));
    // The dictionary as stored DEFLATE blocks (BFINAL 0, BTYPE 00): the
    // inflater then holds it as output already written, which the packed
    // bodies' matches reach back into.
    var parts = [], n = bytes.length;
    for (var off = 0; off < n; off += 65535) {
      var len = Math.min(65535, n - off);
      parts.push(new Uint8Array([0, len & 255, len >> 8, ~len & 255, (~len >> 8) & 255]), bytes.subarray(off, off + len));
    }
    dict = { parts: parts, n: n };
    return dict;
  }

  function unpack(i) {
    var z = document.getElementById("z-" + i);
    var bin = atob(JSON.parse(z.textContent)), packed = new Uint8Array(bin.length);
    for (var k = 0; k < bin.length; k++) packed[k] = bin.charCodeAt(k);
    var dc = dictBlocks();
    var stream = new Blob(dc.parts.concat([packed])).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) {
      return new TextDecoder().decode(new Uint8Array(buf, dc.n));
    });
  }

  var unpacking = {};
  function open(det) {
    var i = det.getAttribute("data-lazy");
    if (i === null) return Promise.resolve(det);
    if (unpacking[i]) return unpacking[i];
    var box = document.getElementById("lazy-" + i);
    if (!("DecompressionStream" in window)) {
      box.textContent = "This browser cannot unpack the charts and tables (it needs DecompressionStream: Chrome 80, Safari 16.4, Firefox 113 or newer). The advice above is complete.";
      return Promise.resolve(det);
    }
    unpacking[i] = unpack(i).then(function (html) {
      // The body was rendered by Go's html/template, every user string
      // escaped there; it is this page's own markup.
      box.innerHTML = html;
      box.classList.remove("lazy");
      det.removeAttribute("data-lazy");
      var z = document.getElementById("z-" + i);
      if (z) z.remove();
      watch(box);
      return det;
    }).catch(function (e) {
      box.textContent = "The charts and tables could not be unpacked: " + e.message;
      fail("unpacking athlete " + i, e);
      return det;
    });
    return unpacking[i];
  }

  document.querySelectorAll("details.fold").forEach(function (det) {
    det.addEventListener("toggle", function () {
      if (det.open) {
        open(det).then(function () { det.querySelectorAll(".chart").forEach(draw); });
        return;
      }
      det.querySelectorAll(".chart").forEach(function (el) {
        if (charts[el.id]) { charts[el.id].dispose(); delete charts[el.id]; }
      });
    });
  });

  // ---- The roster: sortable by its columns, filterable to those who
  // need action. The filter links (the count chips) work without scripts
  // too, through CSS :target.
  function rosterUI() {
    var table = document.querySelector("table.roster");
    if (!table) return;
    var body = table.tBodies[0];
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var state = { col: -1, dir: 1 };
    function key(tr, col) {
      var c = tr.cells[col];
      var k = c && c.getAttribute("data-sort");
      return k === null || k === undefined ? (c ? c.textContent.trim().toLowerCase() : "") : k === "" ? null : +k;
    }
    function sortBy(col, dir) {
      var rows = [].slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, col), y = key(b, col);
        if (x === null && y === null) return (+a.getAttribute("data-order")) - (+b.getAttribute("data-order"));
        if (x === null) return 1;
        if (y === null) return -1;
        var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
        return r * dir || (+a.getAttribute("data-order")) - (+b.getAttribute("data-order"));
      });
      rows.forEach(function (r) { body.appendChild(r); });
      [].forEach.call(heads, function (h, k) {
        h.setAttribute("aria-sort", k === col ? (dir > 0 ? "ascending" : "descending") : "none");
      });
      if (select) select.value = col + ":" + dir;
    }
    [].forEach.call(heads, function (h, col) {
      if (!h.hasAttribute("data-sortable")) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      b.textContent = h.textContent;
      h.textContent = "";
      h.appendChild(b);
      h.setAttribute("aria-sort", col === 0 ? "ascending" : "none");
      b.addEventListener("click", function () {
        var dir = state.col === col ? -state.dir : +(h.getAttribute("data-sortable") || 1);
        state = { col: col, dir: dir };
        sortBy(col, dir);
      });
    });
    var bar = document.querySelector(".roster-tools");
    var select = null;
    if (bar) {
      select = document.createElement("select");
      select.setAttribute("aria-label", "Sort the roster by");
      [].forEach.call(heads, function (h, col) {
        if (!h.hasAttribute("data-sortable")) return;
        var first = +(h.getAttribute("data-sortable") || 1);
        [first, -first].forEach(function (dir) {
          var o = document.createElement("option");
          o.value = col + ":" + dir;
          o.textContent = "sort: " + h.textContent.toLowerCase() + (dir > 0 ? " ↑" : " ↓");
          select.appendChild(o);
        });
      });
      select.addEventListener("change", function () {
        var p = select.value.split(":");
        state = { col: +p[0], dir: +p[1] };
        sortBy(state.col, state.dir);
      });
      var label = document.createElement("label");
      label.className = "sort-by";
      label.appendChild(select);
      bar.appendChild(label);
    }
  }

  // ---- Print: the light palette, the charts of the open athletes drawn
  // at the paper's width with full legends and no sliders, the tables of
  // what was advised and done opened; big teams' folded athletes stay
  // folded (the roster lists everyone).
  var opened = [];
  function beforePrint() {
    if (printing) return;
    printing = true;
    document.documentElement.setAttribute("data-printed", +(document.documentElement.getAttribute("data-printed") || 0) + 1);
    document.querySelectorAll("details.fold[open] details.more-ev:not([open]), details.fold[open] details.sessions:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
    document.querySelectorAll("details.fold[open] .chart, .chart[data-team]").forEach(function (el) {
      if (charts[el.id]) return;
      draw(el);
    });
    redraw();
  }
  function afterPrint() {
    if (!printing) return;
    printing = false;
    opened.forEach(function (d) { d.open = false; });
    opened = [];
    redraw();
  }
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  if (window.matchMedia) {
    var pm = window.matchMedia("print");
    var onPrint = function (e) { if (e.matches) beforePrint(); else afterPrint(); };
    if (pm.addEventListener) pm.addEventListener("change", onPrint); else if (pm.addListener) pm.addListener(onPrint);
    var dm = window.matchMedia("(prefers-color-scheme: dark)");
    var onScheme = function () { if (!printing) redraw(); };
    if (dm.addEventListener) dm.addEventListener("change", onScheme); else if (dm.addListener) dm.addListener(onScheme);
  }

  watch(document);
  rosterUI();
  if (location.hash === "#all") {
    Promise.all([].map.call(document.querySelectorAll("details.fold"), function (d) {
      d.open = true;
      return open(d);
    })).then(function () {
      document.querySelectorAll(".chart").forEach(draw);
      document.documentElement.setAttribute("data-ready", "all");
    });
  } else {
    document.documentElement.setAttribute("data-ready", "1");
  }
})();
