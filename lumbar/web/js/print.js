// The "Print this sheet" button of routine pages. No inline script or on* attribute: the CSP forbids them.
(function () {
  function show() {
    document.querySelectorAll(".lh-print-actions[hidden]").forEach(function (actions) {
      actions.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".lh-print") : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
  });

  // Material's instant loading swaps pages without a reload: document$ tells of each new page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(show);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
