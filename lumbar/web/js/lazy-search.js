// Search, only for readers who search (loaded before Material's bundle by overrides/main.html).
// 1. Material's search worker and index are held back until the search box is used.
// 2. The worker runs inside search-worker.js, which keeps each answer to the best sections.
// 3. Text put into the search box without a key press searches too.
(function () {
  var X = XMLHttpRequest.prototype, open = X.open, send = X.send, held = [], waiting = [], wanted = false;
  var INDEX = /(^|\/)search\/search_index\.json([?#]|$)/;
  var WORKER = /(^|\/)workers\/search\.[0-9a-f]+\.min\.js([?#]|$)/;
  var SEARCH = "[data-md-component=search], [data-md-toggle=search], label[for=__search]";
  var RealWorker = window.Worker;

  function want() {
    if (wanted) return;
    wanted = true;
    for (var i = 0; i < held.length; i++) send.apply(held[i][0], held[i][1]);
    for (var j = 0; j < waiting.length; j++) waiting[j]();
    held = waiting = [];
  }

  X.open = function (method, url) {
    this.__lumbarIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  X.send = function () {
    if (this.__lumbarIndex && !wanted) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };

  // Material's worker, started from search-worker.js next to it (on a file:// page, the offline copy's
  // polyfill runs it in an iframe: lumbar/web/js/iframe-worker.js).
  function startWorker(url, options) {
    var material = new URL(url, location.href);
    return new RealWorker(new URL("search-worker.js?material=" + encodeURIComponent(material.href), material).href, options);
  }

  // A stand-in for the search worker: it starts the real one, with what it was given, once search is wanted.
  function LazyWorker(url, options) {
    var real = null, listeners = [], messages = [];
    function start() {
      real = startWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener.apply(real, l); });
      messages.forEach(function (m) { real.postMessage.apply(real, m); });
      listeners = messages = [];
    }
    this.postMessage = function () { if (real) real.postMessage.apply(real, arguments); else messages.push(arguments); };
    this.addEventListener = function () { if (real) real.addEventListener.apply(real, arguments); else listeners.push(arguments); };
    this.removeEventListener = function (type, fn) {
      if (real) real.removeEventListener.apply(real, arguments);
      else listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
    };
    this.terminate = function () { if (real) real.terminate(); else waiting = waiting.filter(function (f) { return f !== start; }); };
    waiting.push(start);
  }

  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url))) return new RealWorker(url, options);
      return wanted ? startWorker(url, options) : new LazyWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }
  if (/[?&]h=/.test(location.search)) want();
  ["focusin", "pointerdown", "touchstart", "change", "input"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      if (target && target.closest && target.closest(SEARCH)) want();
    }, {capture: true, passive: true});
  });
  // Material searches on keyup: text that arrives with no key (pasted with the mouse, dictated, filled in by
  // the browser, or typed without key events) searches too. A real key's own keyup changes nothing more.
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (box && box.matches && box.matches("[data-md-component=search-query]")) {
      box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    }
  }, true);
})();
