(function () {
  // The theme's settings name the site's root and search worker from where this 404 page was built: from the root
  // found above instead.
  var config = document.getElementById("__config"), value = JSON.parse(config.textContent);
  value.base = document.baseURI;
  value.search = new URL(value.search, document.baseURI).href;
  config.textContent = JSON.stringify(value);
})();
