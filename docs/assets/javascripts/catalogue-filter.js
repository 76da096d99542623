/*
 * Filter box for the procedure catalogues (docs/<lang>/thu-tuc/, cchc/markers.py md:procedures).
 * The lists are complete without it; with it, typing "khai sinh" or "khai sinh" without marks
 * hides the cards whose name does not contain the words, and headings left empty.
 * Labels come from the list's data- attributes, so this file holds no language.
 */
(function () {
  "use strict";

  // The site's one folding rule (đ→d, marks dropped, lower case), from search.js, which every
  // page loads before this file (both deferred, in document order). Without it, no filter box:
  // the lists are complete anyway.
  var fold = window.cchcFold;
  if (typeof fold !== "function") return;

  document.querySelectorAll("[data-catalogue]").forEach(function (root, n) {
    var groups = [];
    root.querySelectorAll("ul").forEach(function (list) {
      var heading = list.previousElementSibling;
      if (!heading || !/^H[2-6]$/.test(heading.tagName)) heading = null;
      var items = Array.prototype.map.call(list.children, function (li) {
        return { li: li, text: fold(li.textContent) };
      });
      groups.push({ list: list, heading: heading, items: items });
    });
    if (!groups.length) return;

    var id = "catalogue-filter-" + n;
    var box = document.createElement("p");
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = root.dataset.filterLabel;
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.style.cssText = "display:block;width:100%;max-width:32rem;margin-top:.3rem;padding:.5rem;" +
      "font:inherit;border:1px solid currentColor;border-radius:.2rem";
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    root.insertBefore(box, root.firstChild);

    var timer = null;
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      groups.forEach(function (g) {
        var visible = 0;
        g.items.forEach(function (it) {
          var ok = words.every(function (w) { return it.text.indexOf(w) !== -1; });
          it.li.hidden = !ok;
          if (ok) visible += 1;
        });
        g.list.hidden = visible === 0;
        if (g.heading) g.heading.hidden = visible === 0;
        shown += visible;
      });
      status.textContent = words.length ? " " + root.dataset.filterShown.replace("{n}", String(shown)) : "";
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
  });
})();
