// Styrbord – a little progressive enhancement. Every page works without this file.
(function () {
  "use strict";

  // Print buttons are hidden until this script can make them work.
  document.querySelectorAll('[data-action="print"]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // After a failed save, move focus to the list of errors so screen readers announce it (WCAG 3.3.1).
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  // Filter selects on the register apply at once when changed with a pointer; keyboard users still
  // submit with the button, so focus never jumps while they move through the options.
  var filters = document.querySelector("form.filters[role='search']");
  if (filters) {
    var pointer = false;
    filters.addEventListener("pointerdown", function () { pointer = true; });
    filters.addEventListener("keydown", function () { pointer = false; });
    filters.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { if (pointer) { filters.requestSubmit(); } });
    });
  }
})();
