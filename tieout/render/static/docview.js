/* tieout document view: click a number to see its fact and checks; the cells of a check
   light up in the text; the failing-checks list scrolls to each failure.
   All document text reaches the page through textContent, never as HTML. */
(function () {
  "use strict";
  var dataEl = document.getElementById("tieout-data");
  var doc = document.getElementById("tv-doc");
  if (!dataEl || !doc) { return; }
  var data = JSON.parse(dataEl.textContent);
  var detail = document.getElementById("tv-detail");
  var lit = [];          // marks currently highlighted
  var selected = null;   // the mark element clicked
  var failing = data.checks.filter(function (c) { return c.status === "fail"; });
  var failPos = -1;

  var STATUS_WORDS = { pass: "passes", fail: "FAILS", unverifiable: "could not be verified" };
  // one vocabulary with the checks and the facts page: fail / pass / unverifiable / not checked
  var MARK_WORDS = { pass: "Pass: every check on this number passes.",
                     fail: "Fail: a check on this number fails.",
                     none: "Unverifiable: no check could confirm or contradict this number.",
                     unchecked: "Not checked: no check involves this number." };
  function verdict(info) { return MARK_WORDS[info.status === "none" && !info.checks.length ? "unchecked" : info.status]; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function markEl(id) { return document.getElementById("m" + id); }
  function markEls(id) {  // a number cut by a tag in an HTML filing is marked in pieces; the first has the id
    var first = markEl(id);
    if (!first || !doc.querySelector(".m-more")) { return first ? [first] : []; }
    return Array.prototype.slice.call(doc.querySelectorAll('mark[data-m="' + Number(id) + '"]'));
  }
  function markInfo(id) {
    var m = data.marks[id];
    return { kind: m[0], ref: m[1], status: m[2], checks: m[3], line: m[4] };
  }
  function markLabel(id) {
    var info = markInfo(id), e = markEl(id), shown = e ? e.textContent.trim() : "";
    if (info.kind === "fact") {
      var f = data.facts[String(info.ref)];
      return (f ? (f.label || f.concept || "(no label)") + (f.column_shared ? " in " + columnText(f) : "") +
              (f.period ? " (" + f.period + ")" : "") + ": " + f.display : shown);
    }
    if (info.kind === "claim") {
      var c = data.claims[String(info.ref)];
      return "narrative: " + (c ? c.text : shown);
    }
    return "cell: " + shown;
  }

  function columnText(f) {  // "column 'Pro Forma Combined'": the header as printed, else its number
    var n = typeof f.column_index === "number" ? f.column_index + 1 : null;
    if (f.column_header) { return "column \u2018" + f.column_header + "\u2019"; }
    return n === null ? "" : "column " + n;
  }
  function columnRow(f) {  // the popup's "column" line: header as printed and number in the table
    var n = typeof f.column_index === "number" ? f.column_index + 1 : null;
    if (f.column_header) { return f.column_header + (n === null ? "" : " (column " + n + ")"); }
    return n === null ? "" : "column " + n;
  }

  function clearHighlight() {
    lit.forEach(function (e) { e.classList.remove("hl", "hl-total"); });
    lit = [];
    document.querySelectorAll(".chk.active").forEach(function (b) { b.classList.remove("active"); });
  }
  function highlightCheck(index, add) {
    if (!add) { clearHighlight(); }
    var c = data.checks[index];
    c.marks.forEach(function (id, i) {
      markEls(id).forEach(function (e) {
        e.classList.add("hl");
        if (i === 0) { e.classList.add("hl-total"); }
        lit.push(e);
      });
    });
    var b = document.getElementById("check-" + index);
    if (b) { b.classList.add("active"); }
  }
  function select(e) {
    if (selected) { selected.classList.remove("sel"); }
    selected = e;
    if (e) { e.classList.add("sel"); }
  }
  // a jump puts its target in the middle of the document pane (the line numbers stay put:
  // the gutter is sticky, so a jump to the far right of a wide table does not hide them)
  function goTo(id) {
    var e = markEl(id);
    if (!e) { centerLine(markInfo(id).line); return; }
    e.scrollIntoView({ block: "center", inline: "nearest" });
    e.focus({ preventScroll: true });
  }
  function centerLine(n) {  // up or down only: a line is wider than the pane, its start stays in view
    var line = document.getElementById("L" + n);
    if (!line) { return false; }
    var pane = doc.getBoundingClientRect(), box = line.getBoundingClientRect();
    doc.scrollTop += box.top + box.height / 2 - (pane.top + pane.height / 2);
    return true;
  }

  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === undefined || r[1] === null || r[1] === "") { return; }
      d.appendChild(el("dt", null, r[0]));
      d.appendChild(el("dd", r[2] || null, r[1]));
    });
    return d;
  }
  function closeButton() {
    var b = el("button", "tv-close", "close");
    b.type = "button";
    b.addEventListener("click", function () { detail.hidden = true; clearHighlight(); select(null); });
    return b;
  }
  function checkBlock(index, withCells) {
    var c = data.checks[index];
    var box = el("div", "check");
    var b = el("button", "chk s-" + (c.status === "unverifiable" ? "none" : c.status));
    b.type = "button";
    b.appendChild(el("span", "rule", c.rule + " "));
    b.appendChild(el("span", "where", STATUS_WORDS[c.status] || c.status));
    b.appendChild(el("span", "msg", c.message));
    b.addEventListener("click", function () { showCheck(index, true); });
    box.appendChild(b);
    box.appendChild(dl([["expected", c.expected, "num"], ["actual", c.actual, "num"], ["slack", c.slack, "num"]]));
    if (withCells) {
      var ul = el("ul", "cells");
      c.marks.forEach(function (id, i) {
        var li = el("li");
        var go = el("button", null, (i === 0 ? "\u25B8 " : "  ") + "line " + markInfo(id).line + " \u2014 " + markLabel(id));
        go.type = "button";
        go.addEventListener("click", function () { goTo(id); showMark(id, false); });
        li.appendChild(go);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  }

  function showMark(id, scroll) {
    var info = markInfo(id), e = markEl(id);
    select(e);
    clearHighlight();
    info.checks.forEach(function (c) { highlightCheck(c, true); });
    detail.textContent = "";
    detail.appendChild(closeButton());
    if (info.kind === "fact") {
      var f = data.facts[String(info.ref)] || {};
      detail.appendChild(el("div", "kind", "table number \u00B7 line " + info.line));
      detail.appendChild(el("h3", null, f.label || f.concept || "(no label)"));
      detail.appendChild(el("div", "verdict s-" + info.status, verdict(info)));
      detail.appendChild(dl([
        ["as printed", f.display, "num"], ["value", f.value + (f.unit ? " " + f.unit : ""), "num"],
        ["scale", f.scale && f.scale !== "1" ? "\u00D7 " + f.scale : ""], ["period", f.period],
        ["column", columnRow(f)],
        ["path", (f.path || []).join(" \u203A ")], ["table", f.table], ["concept", f.concept]]));
    } else if (info.kind === "claim") {
      var c = data.claims[String(info.ref)] || {};
      detail.appendChild(el("div", "kind", "narrative figure \u00B7 line " + info.line));
      detail.appendChild(el("h3", null, c.text));
      detail.appendChild(el("div", "verdict s-" + info.status, verdict(info)));
      detail.appendChild(el("p", "sentence", c.sentence));
      detail.appendChild(dl([
        ["about", c.about], ["value", c.value + (c.unit ? " " + c.unit : ""), "num"],
        ["admits", c.low !== c.high ? c.low + " to " + c.high : "", "num"],
        ["qualifier", c.qualifier], ["period", c.period]]));
    } else {
      detail.appendChild(el("div", "kind", "cell \u00B7 line " + info.line));
      detail.appendChild(el("div", "verdict s-" + info.status, verdict(info)));
    }
    detail.appendChild(el("h3", null, info.checks.length ? "Checks (" + info.checks.length + ")" : "No check involves this number."));
    info.checks.forEach(function (c) { detail.appendChild(checkBlock(c, true)); });
    detail.hidden = false;
    if (scroll) { goTo(id); }
  }

  function showCheck(index, fromDetail, keepHash) {
    var c = data.checks[index];
    if (!fromDetail) {
      detail.textContent = "";
      detail.appendChild(closeButton());
      detail.appendChild(el("div", "kind", "check \u00B7 line " + c.line));
      detail.appendChild(checkBlock(index, true));
      detail.hidden = false;
    }
    highlightCheck(index, false);
    if (c.marks.length) {
      select(markEl(c.marks[0]));
      goTo(c.marks[0]);
    }
    failPos = failing.indexOf(c);
    if (!fromDetail && !keepHash && history.replaceState) { history.replaceState(null, "", "#check-" + index); }
  }

  doc.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest("mark[data-m]") : null;
    if (t) { showMark(Number(t.getAttribute("data-m")), false); }
  });
  doc.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if ((ev.key === "Enter" || ev.key === " ") && t.matches && t.matches("mark[data-m]")) {
      ev.preventDefault();
      showMark(Number(t.getAttribute("data-m")), false);
    }
  });
  document.querySelectorAll("#tv-side .chk[data-check]").forEach(function (b) {
    b.addEventListener("click", function () { showCheck(Number(b.getAttribute("data-check")), false); });
  });
  function step(delta) {
    if (!failing.length) { return; }
    failPos = (failPos + delta + failing.length) % failing.length;
    showCheck(failing[failPos].index, false);
  }
  var next = document.getElementById("tv-next"), prev = document.getElementById("tv-prev");
  if (next) { next.addEventListener("click", function () { step(1); }); }
  if (prev) { prev.addEventListener("click", function () { step(-1); }); }
  document.addEventListener("keydown", function (ev) {
    if (ev.target && /^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName)) { return; }
    if (ev.key === "n") { step(1); } else if (ev.key === "p") { step(-1); }
    else if (ev.key === "Escape") { detail.hidden = true; clearHighlight(); select(null); }
  });
  // where the page opens: the check or line the address names, else the first failing check,
  // else the first table (never the SEC header at line 1)
  function openAt() {
    var m = /^#check-(\d+)$/.exec(location.hash), line = /^#L(\d+)$/.exec(location.hash);
    if (m && data.checks[Number(m[1])]) { showCheck(Number(m[1]), false); return; }
    if (line && centerLine(Number(line[1]))) { return; }
    if (failing.length) { showCheck(failing[0].index, false, true); return; }
    var at = data.opening;
    if (!at) { return; }
    var first = document.getElementById("L" + at.line);
    if (first) {  // the table's first line near the top, a few lines above it in view
      doc.scrollTop += first.getBoundingClientRect().top - doc.getBoundingClientRect().top - 4 * first.offsetHeight;
    }
    else if (markEl(at.mark)) { markEl(at.mark).scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", function () {
    var line = /^#L(\d+)$/.exec(location.hash);
    if (line) { centerLine(Number(line[1])); }
  });
  openAt();
  // the browser's own scroll to an address's #L123 can come after this script (at load): centre again
  if (/^#L\d+$/.test(location.hash)) {
    window.addEventListener("load", function () { centerLine(Number(location.hash.slice(2))); });
  }
  document.documentElement.setAttribute("data-tieout-ready", "1");
})();
