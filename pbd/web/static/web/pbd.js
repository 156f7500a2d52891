/* pbd web dossier: small progressive enhancements; everything works without JavaScript. No inline script (CSP). */
(function () {
  "use strict";
  // Move focus to the first error summary so screen reader and keyboard users land on it.
  document.addEventListener("DOMContentLoaded", function () {
    var alert = document.querySelector(".alert-error[tabindex]");
    if (alert) { alert.focus(); }
  });
  // After HTMX swaps a comment list, keep focus in the list (not lost on <body>).
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.querySelector) {
      var field = target.querySelector("textarea");
      if (field && document.activeElement === document.body) { field.focus(); }
    }
  });
})();
