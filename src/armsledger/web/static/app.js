// armsledger web UI: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Hovering or focusing a timeline marker highlights its row in the table below, and the other way round.
  function setHighlight(id, state) {
    document.querySelectorAll("[data-event-id]").forEach(function (el) {
      if (el.getAttribute("data-event-id") === id) {
        el.classList.toggle("is-highlighted", state);
      }
    });
  }

  function pair(selector) {
    document.querySelectorAll(selector).forEach(function (el) {
      var id = el.getAttribute("data-event-id");
      if (!id) { return; }
      var on = function () { setHighlight(id, true); };
      var off = function () { setHighlight(id, false); };
      el.addEventListener("mouseenter", on);
      el.addEventListener("mouseleave", off);
      el.addEventListener("focusin", on);
      el.addEventListener("focusout", off);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector(".timeline-svg")) {
      pair(".timeline-svg .marker");
      pair("table.events tr[data-event-id]");
    }
  });
})();
