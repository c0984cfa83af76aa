// Registers the service worker (sw.js at the site root), which keeps pages for reading without a signal.
if ("serviceWorker" in navigator && location.protocol !== "file:" && typeof __md_scope !== "undefined") {
  navigator.serviceWorker.register(new URL("sw.js", __md_scope)).catch(function () {});
}
