/* Draws every chart on the page from its JSON spec with the vendored vega-embed.
   Expressions run through vega-interpreter (ast: true), so no eval is needed and the
   server's CSP stays "script-src 'self'". */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".chart[data-spec]");
  var pending = boxes.length;
  function done() { if (--pending <= 0) { document.documentElement.setAttribute("data-charts-ready", "1"); } }
  if (!pending) { document.documentElement.setAttribute("data-charts-ready", "1"); return; }
  boxes.forEach(function (box) {
    var specEl = document.getElementById(box.getAttribute("data-spec"));
    if (!specEl) { done(); return; }
    var spec = JSON.parse(specEl.textContent);
    window.vegaEmbed(box, spec, {
      ast: true, expr: window.vegaInterpreter.expressionInterpreter,
      actions: false, renderer: "svg", defaultStyle: false,
      tooltip: { disableDefaultStyle: true }
    }).then(function () { box.setAttribute("data-rendered", "1"); done(); })
      .catch(function (err) {
        var p = document.createElement("p");
        p.className = "chart-error";
        p.textContent = "chart could not be drawn: " + err;
        box.appendChild(p);
        done();
      });
  });
})();
