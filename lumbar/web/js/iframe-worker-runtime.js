// Runs inside the iframe of iframe-worker.js: gives the worker script a worker's postMessage and importScripts.
window.postMessage = function (data) { parent.postMessage(data, "*"); };
window.importScripts = function () {
  return Array.prototype.reduce.call(arguments, function (done, url) {
    return done.then(function () {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(url, window.__workerURL || document.baseURI).href;
        script.addEventListener("load", resolve);
        script.addEventListener("error", function () { reject(new Error("importScripts: " + script.src)); });
        document.body.appendChild(script);
      });
    });
  }, Promise.resolve());
};
