/* pbd web dossier: the questionnaire's autosave. Every question is a plain form that works without JavaScript;
   with it, HTMX saves each answer on change, and this file keeps the page usable from the keyboard:
   focus stays on the question after the page's questions are replaced, a refused answer marks its inputs
   aria-invalid, and a refusal (HTTP 422) is shown in place like a success. No inline script (CSP). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var focused = null;

  document.addEventListener("htmx:beforeRequest", function () {
    var el = document.activeElement;
    focused = el && el.id ? el.id : null;
  });

  // "none of these" (value "-") and the other answers of a list exclude each other (the server refuses both)
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || box.type !== "checkbox" || box.name !== "value" || !box.checked || !box.form) { return; }
    box.form.querySelectorAll("input[type=checkbox][name=value]").forEach(function (other) {
      if (other !== box && (box.value === "-" || other.value === "-")) { other.checked = false; }
    });
  });

  // a refused answer comes back as 422: show its message where a saved one would go
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || !target.classList || !target.classList.contains("q-msg")) { return; }
    var form = target.closest("form");
    if (!form) { return; }
    var invalid = target.querySelector(".field-error") !== null;
    form.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (input) {
      if (invalid) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
    });
  });

  // when the questions were replaced (an answer changed which apply), put focus back on the same question
  document.addEventListener("htmx:afterSettle", function () {
    if (!focused) { return; }
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected) { return; }
    var again = document.getElementById(focused);
    if (again) { again.focus(); }
  });
})();
