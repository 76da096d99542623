/*
 * Site search for readers on phones who type with or without Vietnamese marks.
 *
 * Drives the markup of overrides/partials/search.html with Material's classes, so results
 * look like Material's. Nothing is fetched until the reader opens search, types, or opens
 * a page with ?q=...; then Pagefind (site/pagefind/, written by
 * hooks/search_index.py) loads only the index chunks the query needs.
 *
 * The index holds folded text (cchc/search.py: normalize). `normalize` below is the same
 * rule, so "dich vu cong", "Dịch Vụ Công" and its NFD form are one query to Pagefind.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-cchc-search]");
  var toggle = document.getElementById("__search");
  // The one folding rule in the browser; the catalogue filter (catalogue-filter.js) uses it too.
  window.cchcFold = normalize;
  if (!root || !toggle) return;

  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");
  var text = root.dataset;
  var siteRoot = new URL((text.base || ".").replace(/\/?$/, "/"), location.href);
  var PAGE_SIZE = 10;

  /* Same rule as cchc.search.normalize (cchc.slug.fold, then lower()): map đ/Đ (NFKD
     keeps them), decompose, drop marks, lowercase. Python drops characters with a
     combining class, JS drops \p{M}: the same for every mark Vietnamese (and Latin) uses;
     tests/test_search.py runs the site's whole vocabulary through both. */
  function normalize(value) {
    return value
      .replace(/[đĐ]/g, function (c) { return c === "đ" ? "d" : "D"; })
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase();
  }

  /* ------------------------------------------------------------ engine, loaded lazily */

  var engine = null;
  function loadEngine() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pagefind) {
        // No web worker: one file less to download, and a query takes milliseconds.
        return pagefind.options({ noWorker: true, excerptLength: 0 }).then(function () {
          return pagefind.init();
        }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; }); // let a later attempt retry
    }
    return engine;
  }

  /* ------------------------------------------------------------ rendering */

  function countText(n) {
    if (n === 0) return text.none;
    if (n === 1) return text.one;
    return text.other.replace("#", String(n));
  }

  function el(tag, className, attrs) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    return node;
  }

  /* Page text goes in as text nodes only (never innerHTML), with the query's words
     marked wherever they match after folding: "dang ky" marks "Đăng ký". */
  function marked(value, terms) {
    var out = document.createDocumentFragment();
    if (!terms.length) {
      out.appendChild(document.createTextNode(value));
      return out;
    }
    var chars = Array.from(value);
    var folded = "";
    var owner = []; // folded position -> index in chars
    chars.forEach(function (c, i) {
      var f = normalize(c);
      folded += f;
      for (var k = 0; k < f.length; k++) owner.push(i);
    });
    var hit = new Array(chars.length).fill(false);
    terms.forEach(function (term) {
      for (var at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
        // Match at the start of a word only, as Pagefind does.
        if (at > 0 && /[\p{L}\p{N}]/u.test(folded[at - 1])) continue;
        for (var k = at; k < at + term.length; k++) hit[owner[k]] = true;
      }
    });
    var run = "";
    var inMark = false;
    function flush() {
      if (!run) return;
      if (inMark) {
        var m = document.createElement("mark");
        m.textContent = run;
        out.appendChild(m);
      } else {
        out.appendChild(document.createTextNode(run));
      }
      run = "";
    }
    chars.forEach(function (c, i) {
      if (hit[i] !== inMark) { flush(); inMark = hit[i]; }
      run += c;
    });
    flush();
    return out;
  }

  function link(href, score, heading, level, terms, teaser, parent) {
    var a = el("a", "md-search-result__link", { href: href });
    var article = el("article", "md-search-result__article md-typeset",
                     { "data-md-score": score.toFixed(2) });
    if (parent) article.appendChild(el("div", "md-search-result__icon md-icon"));
    var h = el(level);
    h.appendChild(marked(heading, terms));
    article.appendChild(h);
    if (teaser) {
      var p = el("p");
      p.appendChild(marked(teaser, terms));
      article.appendChild(p);
    }
    a.appendChild(article);
    return a;
  }

  function pageUrl(url) {
    return new URL(url.replace(/^\//, ""), siteRoot).href;
  }

  function renderItem(data, score, terms) {
    var item = el("li", "md-search-result__item");
    var m = data.meta || {};
    item.appendChild(link(pageUrl(data.url), score, m.title || data.url, "h1", terms,
                          m.description, true));
    var headings = {};
    try { headings = JSON.parse(m.headings || "{}"); } catch (e) { /* keep none */ }
    var sections = (data.sub_results || []).filter(function (s) {
      return s.url.indexOf("#") !== -1 && (s.locations || []).length;
    });
    sections.sort(function (a, b) { return b.locations.length - a.locations.length; });
    var links = sections.map(function (s) {
      var id = decodeURIComponent(s.url.slice(s.url.indexOf("#") + 1));
      return link(pageUrl(s.url), score, headings[id] || s.title, "h2", terms);
    });
    links.slice(0, 2).forEach(function (a) { item.appendChild(a); });
    var more = links.slice(2);
    if (more.length) {
      var details = el("details", "md-search-result__more");
      var summary = el("summary");
      var label = el("div");
      label.textContent = more.length === 1
        ? text.moreOne : text.moreOther.replace("#", String(more.length));
      summary.appendChild(label);
      details.appendChild(summary);
      more.forEach(function (a) { details.appendChild(a); });
      item.appendChild(details);
    }
    return item;
  }

  /* ------------------------------------------------------------ searching */

  var current = { seq: 0, results: [], shown: 0, terms: [], busy: false };

  function search(query) {
    var seq = ++current.seq;
    var q = normalize(query).replace(/\s+/g, " ").trim();
    if (!q) {
      list.replaceChildren();
      meta.textContent = text.placeholder;
      root.setAttribute("data-cchc-search-done", query);
      return Promise.resolve();
    }
    if (!engine) meta.textContent = text.initializer;
    return loadEngine().then(function (pagefind) {
      return pagefind.search(q);
    }).then(function (found) {
      if (seq !== current.seq) return;
      current = { seq: seq, results: found.results, shown: 0, terms: q.split(" "), busy: false };
      list.replaceChildren();
      meta.textContent = countText(found.results.length);
      return showMore(seq).then(function () {
        // Which query the list now shows: tests and the benchmark wait for it.
        if (seq === current.seq) root.setAttribute("data-cchc-search-done", query);
      });
    }).catch(function () {
      if (seq === current.seq) meta.textContent = text.failed;
    });
  }

  function showMore(seq) {
    var next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    if (!next.length || current.busy) return Promise.resolve();
    current.busy = true;
    current.shown += next.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (seq !== current.seq) return;
      pages.forEach(function (data, i) {
        list.appendChild(renderItem(data, next[i].score, current.terms));
      });
      current.busy = false;
    }, function () {
      if (seq !== current.seq) return;
      current.busy = false;
      current.shown -= next.length; // scrolling again retries
      meta.textContent = text.failed;
    });
  }

  // Load the next page of results when the reader scrolls near the end of the list (also
  // when arrow keys move the focus there). Ten results always overflow the dialog: every
  // page has a description.
  scrollwrap.addEventListener("scroll", function () {
    var s = scrollwrap;
    if (s.scrollHeight - s.scrollTop - s.clientHeight < 300) showMore(current.seq);
  }, { passive: true });

  /* ------------------------------------------------------------ opening and closing */

  function isOpen() { return toggle.checked; }
  // Clicking the toggle, like Material does, fires "change" for its scroll lock.
  function setOpen(open) { if (toggle.checked !== open) toggle.click(); }

  function onToggle() {
    list.hidden = !isOpen();
    list.setAttribute("role", isOpen() ? "list" : "presentation");
    if (isOpen()) {
      loadEngine().catch(function () { /* reported when a query runs */ });
    } else {
      var url = new URL(location.href);
      if (url.searchParams.has("q")) {
        url.searchParams.delete("q");
        history.replaceState(history.state, "", url.href);
      }
    }
  }
  toggle.addEventListener("change", onToggle);

  var pending = 0;
  input.addEventListener("input", function () {
    setOpen(true); // typing again after Escape (the box keeps the focus on wide screens)
    clearTimeout(pending);
    var value = input.value;
    pending = setTimeout(function () { search(value); }, engine ? 60 : 0);
  });
  // Deferred: when the focus comes with a click on a label of the toggle (the magnifier in
  // the box), the label's own toggling comes after; opening at once would let it close again.
  var quiet = false; // focus given back by Escape: the box stays closed
  input.addEventListener("focus", function () {
    if (!quiet) setTimeout(function () { setOpen(true); });
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); });
  });

  // On narrow screens the closed box is hidden (assets/site.css), so it cannot take focus
  // until the dialog is open: open first, then focus, both inside the tap's (or the Enter
  // key's) own handler, since iOS raises the keyboard only for a focus made there. The
  // label's own toggling is cancelled: it would close the dialog again.
  var button = document.querySelector(".md-header__button[for='__search']");
  function openWithFocus() {
    setOpen(true);
    input.focus();
  }
  if (button) button.addEventListener("click", function (ev) {
    ev.preventDefault();
    openWithFocus();
  });

  // Escape gives the focus back to what opened search: the header's search button where it
  // is shown (phones), otherwise the search box in the header, closed. Never to <body>,
  // where the next Tab would start again from the top of the page.
  function returnFocus() {
    if (button && button.getClientRects().length) {
      // partials/a11y-script.html wraps the label's content in the element that takes focus
      (button.querySelector("[role=button]") || button).focus();
    } else {
      quiet = true;
      input.focus();
      quiet = false;
    }
  }

  root.addEventListener("click", function (ev) {
    if (ev.target instanceof Element && ev.target.closest("a[href]")) setOpen(false);
  });

  function results() {
    return Array.from(list.querySelectorAll(
      ":not(details) > a[href], summary, details[open] > a[href]"));
  }

  function typing(node) {
    return node instanceof HTMLElement && (node.isContentEditable ||
      /^(INPUT|SELECT|TEXTAREA)$/.test(node.tagName));
  }

  window.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.isComposing) return;
    var active = document.activeElement;
    if (!isOpen()) {
      // Material's shortcuts: f, s or / opens search.
      if (/^[fs/]$/.test(ev.key) && !typing(active)) {
        ev.preventDefault();
        openWithFocus();
        input.select();
      }
      return;
    }
    switch (ev.key) {
      case "Escape":
        setOpen(false);
        returnFocus();
        break;
      case "Enter":
        if (active === input) {
          var first = list.querySelector("a[href]");
          if (first) first.click();
          ev.preventDefault();
        }
        break;
      case "ArrowUp":
      case "ArrowDown":
        var items = [input].concat(results());
        var i = Math.max(0, items.indexOf(active));
        var step = ev.key === "ArrowUp" ? -1 : 1;
        items[(i + step + items.length) % items.length].focus();
        ev.preventDefault();
        break;
      default:
        if (ev.key.length === 1 && active !== input && !typing(active)) input.focus();
    }
  });

  // Leaving the dialog with Tab/Shift+Tab closes it, so focus never hides behind it.
  root.addEventListener("focusout", function (ev) {
    var next = ev.relatedTarget;
    if (isOpen() && next instanceof Node && !root.contains(next) &&
        !(next instanceof HTMLElement && next.closest(".md-header__button[for='__search']")))
      setOpen(false);
  });

  /* ------------------------------------------------------------ ?q= deep links */

  var q = new URL(location.href).searchParams.get("q");
  if (q) {
    input.value = q;
    setOpen(true);
    onToggle();
    input.focus();
    search(q);
  }

  // For tests and the benchmark: the folding rule as this page runs it.
  window.cchcSearch = { normalize: normalize, search: search };
})();
