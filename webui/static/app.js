// Niceties only: the pages work without this file.
(function () {
  "use strict";
  var box = document.getElementById("q");
  // "/" focuses the search box, as on most search sites.
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && box && document.activeElement !== box &&
        !(document.activeElement && /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName))) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  });

  // Suggestions as you type: officials and frequent phrases, accents optional.
  // They fill the box's <datalist>, so the browser shows them and the keyboard works.
  var list = document.getElementById("goi-y");
  var timer = null, last = "";
  if (box && list && window.fetch) {
    box.addEventListener("input", function () {
      var q = box.value;
      clearTimeout(timer);
      if (q.trim().length < 2 || q === last) { return; }
      timer = setTimeout(function () {
        last = q;
        fetch("/api/suggest?q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data || box.value !== q) { return; }
            while (list.firstChild) { list.removeChild(list.firstChild); }
            data.officials.map(function (o) { return o.value; }).concat(data.phrases).forEach(function (text) {
              var option = document.createElement("option");
              option.value = text;  // text, never HTML
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 120);
    });
  }

  // An article opened from a search goes back to that very page of it (its filters, sort
  // and page), not to the query alone.
  var back = document.querySelector(".crumbs a");
  if (back && document.referrer) {
    try {
      var from = new URL(document.referrer);
      if (from.origin === location.origin && from.pathname === "/" && from.search) {
        back.href = from.pathname + from.search;
      }
    } catch (e) {}
  }
})();
