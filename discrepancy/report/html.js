(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = document.querySelectorAll("[data-finding]");
  var shown = document.getElementById("shown");
  function apply() {
    var on = { kind: {}, category: {}, severity: {} };
    boxes.forEach(function (b) { on[b.getAttribute("data-filter")][b.value] = b.checked; });
    var count = 0;
    items.forEach(function (el) {
      var visible = on.kind[el.getAttribute("data-kind")] !== false &&
        on.category[el.getAttribute("data-category")] !== false &&
        on.severity[el.getAttribute("data-severity")] !== false;
      el.classList.toggle("off", !visible);
      if (visible && el.tagName === "LI") { count += 1; }
    });
    if (shown) { shown.textContent = String(count); }
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  function reveal(mark) {
    if (mark.classList.contains("off")) { return; }
    var details = document.getElementById("finding-" + mark.getAttribute("data-finding") + "-details");
    if (!details) { return; }
    details.open = true;
    details.scrollIntoView({ block: "nearest" });
  }
  document.querySelectorAll("mark[data-finding]").forEach(function (mark) {
    mark.addEventListener("click", function (ev) { ev.stopPropagation(); reveal(mark); });
    mark.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); reveal(mark); }
    });
  });
  document.querySelectorAll("a.to-claim").forEach(function (a) {
    a.addEventListener("click", function () {
      var mark = document.getElementById(a.getAttribute("href").slice(1));
      if (!mark) { return; }
      mark.classList.add("flash");
      setTimeout(function () { mark.classList.remove("flash"); }, 1200);
    });
  });
  apply();
  document.documentElement.setAttribute("data-report-ready", "1");
})();
