// Search in the offline copy. Browsers refuse web workers on file:// pages, so there the search worker runs
// in a hidden iframe (the idea of squidfunk/iframe-worker, MIT), with no inline script, so the page's
// Content-Security-Policy still holds. Named "iframe-worker" so Material's offline plugin adds no CDN copy.
(function () {
  if (location.protocol !== "file:") return;
  var runtime = document.currentScript.src.replace(/iframe-worker\.js$/, "iframe-worker-runtime.js");

  function load(doc, src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.addEventListener("load", resolve);
      script.addEventListener("error", reject);
      doc.body.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "Search";
      document.body.appendChild(frame);
      this.frame = frame;
      var doc = frame.contentWindow.document;
      doc.open();
      doc.write("<!doctype html><html><head></head><body></body></html>");
      doc.close();
      var self = this;
      this.listener = function (event) {
        if (event.source !== frame.contentWindow) return;
        var message = new MessageEvent("message", { data: event.data });
        self.dispatchEvent(message);
        if (typeof self.onmessage === "function") self.onmessage(message);
      };
      window.addEventListener("message", this.listener);
      // A worker resolves importScripts("../lunr/...") against its own address, not the page's: the
      // runtime does the same with this (the lunr stemmer of a Spanish or Russian copy).
      frame.contentWindow.__workerURL = new URL(String(url), location.href).href;
      this.ready = load(doc, runtime).then(function () { return load(doc, String(url)); });
    }
    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }
    terminate() {
      window.removeEventListener("message", this.listener);
      this.frame.remove();
    }
  }

  window.Worker = IFrameWorker;
})();
