// Registers the service worker (sw.js at the site root), which keeps pages for reading without a signal.
if ("serviceWorker" in navigator && location.protocol !== "file:" && typeof __md_scope !== "undefined") {
  navigator.serviceWorker.register(new URL("sw.js", __md_scope)).catch(function () {});
}

// The "Read it offline" page, which the worker also shows for a page it did not keep (?from=<address>): says
// which page is missing and lists the pages this browser keeps, each by its title, read from the kept copy.
(function () {
  var box = document.querySelector("[data-lh-kept]");
  if (!box || !("caches" in window) || !("serviceWorker" in navigator)) return;
  var words = {};
  try {
    words = JSON.parse((document.getElementById("lh-ui") || {}).textContent || "{}") || {};
  } catch (error) {
    words = {};
  }
  function t(text, values) {
    var out = typeof words[text] === "string" ? words[text] : text;
    return out.replace(/\{(\w+)\}/g, function (whole, name) { return values && name in values ? values[name] : whole; });
  }
  function add(parent, tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    parent.appendChild(node);
    return node;
  }
  var from = new URLSearchParams(location.search).get("from");
  navigator.serviceWorker.getRegistration().then(function (reg) {
    if (!reg) return null;
    var suffix = " " + reg.scope;
    return caches.keys().then(function (names) {
      var name = names.filter(function (n) { return n.indexOf("lumbar-") === 0 && n.slice(-suffix.length) === suffix; })[0];
      return name ? caches.open(name) : null;
    });
  }).then(function (cache) {
    if (!cache) return [];
    return cache.keys().then(function (requests) {
      var pages = requests.filter(function (r) { return /\/$|\.html$/.test(new URL(r.url).pathname); });
      return Promise.all(pages.map(function (r) {
        return cache.match(r).then(function (res) { return res.text(); }).then(function (html) {
          var title = /<title>([^<]*)<\/title>/.exec(html);
          var text = document.createElement("textarea");
          text.innerHTML = title ? title[1] : r.url; // entities in the title, decoded without running anything
          return { url: r.url, title: text.value.split(" - ")[0] }; // without the site's name after it
        });
      }));
    });
  }).then(function (pages) {
    box.replaceChildren();
    if (from) { // first on the screen, above the page's heading
      var alert = document.createElement("div");
      alert.className = "admonition warning lh-offline-alert";
      alert.setAttribute("role", "alert");
      add(alert, "p", t("You have no connection, and this browser did not keep {page}. The pages below are kept.", { page: from }));
      var heading = document.querySelector(".md-content h1");
      if (heading) heading.parentNode.insertBefore(alert, heading); else box.appendChild(alert);
    }
    if (!pages.length) {
      add(box, "p", t("This browser keeps no page of the handbook yet."));
    } else {
      add(box, "p", t("Pages this browser keeps ({count}):", { count: pages.length }));
      var list = add(box, "ul");
      pages.sort(function (a, b) { return a.title.localeCompare(b.title); }).forEach(function (page) {
        var link = add(add(list, "li"), "a", page.title);
        link.href = page.url;
      });
    }
    box.hidden = false;
  }).catch(function () {});
})();
