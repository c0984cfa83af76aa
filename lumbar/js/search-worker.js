// Material's search worker, loaded from the address in ?material=, with two changes that keep every answer
// fast in a handbook of thousands of exercises (see docs/performance.md):
// - a query answers with the best-scoring sections only: Material copies and highlights every section
//   that matches before it shows the first ten, which takes seconds for a common word;
// - a single letter being typed matches itself, not every word it begins (the next letter does that).
(function () {
  var LIMIT = 100;
  importScripts(new URL(self.location.href).searchParams.get("material"));
  var query = self.lunr.Index.prototype.query;
  self.lunr.Index.prototype.query = function (fn) {
    var results = query.call(this, function (q) {
      fn.call(q, q);
      q.clauses.forEach(function (clause) {
        if (/^[^*]\*$/.test(clause.term)) clause.term = clause.term.charAt(0);
      });
    });
    return results.length > LIMIT ? results.slice(0, LIMIT) : results;  // sorted by score, best first
  };
})();
