(function () {
  // 404.html is served for a missing address at any depth, on any host (a fork, a custom domain, a local build):
  // its links are relative to the site's root, found here; an address under a language's folder (/es/...) opens
  // that language's 404 page, since GitHub Pages serves only the root one.
  var me = document.currentScript, root = me.getAttribute("data-root"), own = me.getAttribute("data-lang");
  var langs = (me.getAttribute("data-langs") || "").split(" ").filter(Boolean);
  var top = (me.getAttribute("data-top") || "").split(" ");
  var path = location.pathname, parts = path.split("/").slice(1, -1);
  if (path.indexOf(root) !== 0) {
    // The root is what comes before the first folder the site has at its top (exercises/, es/...); else, on
    // *.github.io, a project site's folder; else the host's root.
    var at = -1;
    for (var j = 0; j < parts.length && at < 0; j++) if (top.indexOf(parts[j]) >= 0) at = j;
    var project = /\.github\.io$/.test(location.hostname) && parts.length && langs.indexOf(parts[0]) < 0;
    root = "/" + (at >= 0 ? parts.slice(0, at) : project ? parts.slice(0, 1) : []).map(function (p) { return p + "/"; }).join("");
  }
  var rest = path.slice(root.length);
  for (var i = 0; i < langs.length && !own; i++) {
    if (rest === langs[i] || rest.indexOf(langs[i] + "/") === 0) {
      location.replace(root + langs[i] + "/404.html");
      return;
    }
  }
  var base = document.createElement("base");
  base.href = root + (own ? own + "/" : "");
  document.head.appendChild(base);
})();
