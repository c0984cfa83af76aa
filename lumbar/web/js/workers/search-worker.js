// Material's search worker, loaded from the address in ?material=, with changes that keep every answer fast in
// a handbook of thousands of exercises (see docs/performance.md) and forgiving in every language:
// - a query answers with the best-scoring sections only: Material copies and highlights every section
//   that matches before it shows the first ten, which takes seconds for a common word;
// - one or two letters being typed match themselves, not every word they begin (the third letter does
//   that): expanding them to thousands of words is what lunr itself is slow at;
// - words are folded (lower case, ё as е, no accents on Latin letters) in the index and in the query, and
//   each word of a query is cut to its stem by the language's stemmer: Material adds a wildcard to every
//   word, so "грыжи" looks for "грыж*" and finds "грыжа", "грыжей" in the index's whole words. (A stemmed
//   index would not do: the stemmer cuts "радикулит" to "радикул" but "радикулитом" to "радикулит".)
// Also runs in the offline copy's iframe (iframe-worker.js), where importScripts is asynchronous.
(function () {
  var LIMIT = 100;
  var SETUP = 0, QUERY = 2;  // Material's message types
  var lang = [], loaded = false, queue = [], handlers = [];
  var listen = self.addEventListener.bind(self);
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;

  function fold(word) {
    return word.toLowerCase().replace(/ё/g, "е").normalize("NFD")
      .replace(/([a-z])[\u0300-\u036f]+/g, "$1").normalize("NFC");
  }

  // Each word of a query as the index holds it; Material's syntax (+ - * ~ ^ "") is left as it is.
  function asIndexed(query) {
    var stemmer = lang.length === 1 && self.lunr[lang[0]] ? self.lunr[lang[0]].stemmer : null;
    return query.replace(/[\p{L}\p{M}]+/gu, function (word) {
      var folded = fold(word), stem = stemmer ? stemmer(folded) || folded : folded, n = 0;
      while (n < stem.length && stem[n] === folded[n]) n++;
      return folded.slice(0, Math.max(n, 1));  // the stem, or what it shares with the word ("frecuent")
    });
  }

  function deliver(data) {
    if (data && data.type === SETUP) {
      lang = data.data.config.lang || [];
    } else if (data && data.type === QUERY && typeof data.data === "string") {
      data = {type: QUERY, data: asIndexed(data.data)};
    }
    handlers.forEach(function (fn) { fn({data: data}); });
  }

  // Material's handler, registered with addEventListener("message"), gets each message through deliver().
  self.addEventListener = function (type, fn, options) {
    if (type === "message") handlers.push(fn);
    else listen(type, fn, options);
  };
  listen("message", function (event) {
    if (loaded) deliver(event.data);
    else queue.push(event.data);
  });

  function wideTrimmer(letters) {
    var trim = self.lunr.trimmerSupport.generateTrimmer(letters + "A-Za-z0-9\u00C0-\u024F\u0400-\u04FF");
    self.lunr.Pipeline.registerFunction(trim, "lumbarTrimmer");
    return trim;
  }

  function patch() {
    var lunr = self.lunr;
    function folding(token) { return token.update(fold); }
    lunr.Pipeline.registerFunction(folding, "lumbarFold");
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function () {
      if (this.pipeline._stack[0] !== folding) {  // first, before the language's trimmer and stemmer
        this.pipeline._stack.unshift(folding);
        this.searchPipeline._stack.unshift(folding);
        // The language's trimmer keeps only its own letters: "bubnovsky" in the Russian index, "Бубновский"
        // in the Spanish one would be emptied. Latin and Cyrillic letters both stay.
        var own = lang.length === 1 && lunr[lang[0]] ? lunr[lang[0]] : null;
        var at = own && own.trimmer ? this.pipeline._stack.indexOf(own.trimmer) : -1;
        if (at >= 0) this.pipeline._stack[at] = wideTrimmer(own.wordCharacters);
      }
      return add.apply(this, arguments);
    };
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (fn) {
      var results = query.call(this, function (q) {
        fn.call(q, q);
        q.clauses.forEach(function (clause) {
          if (/^[^*]{1,2}\*$/.test(clause.term)) clause.term = clause.term.slice(0, -1);
        });
      });
      return results.length > LIMIT ? results.slice(0, LIMIT) : results;  // sorted by score, best first
    };
    loaded = true;
    queue.splice(0).forEach(deliver);
  }

  var material = new URL(here).searchParams.get("material");
  Promise.resolve(importScripts(material)).then(patch);
})();
