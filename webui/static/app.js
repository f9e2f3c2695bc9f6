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
})();
