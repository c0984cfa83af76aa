// Material's search worker, loaded from the address in ?material=, with two changes that keep every answer
// fast in a handbook of thousands of exercises (see docs/performance.md):
// - a query answers with the best-scoring sections only: Material copies and highlights every section
//   that matches before it shows the first ten, which takes seconds for a common word;
// - one or two letters being typed match themselves, not every word they begin (the third letter does
//   that): expanding them to thousands of words is what lunr itself is slow at.
(function () {
  var LIMIT = 100;
  importScripts(new URL(self.location.href).searchParams.get("material"));
  var query = self.lunr.Index.prototype.query;
  self.lunr.Index.prototype.query = function (fn) {
    var results = query.call(this, function (q) {
      fn.call(q, q);
      q.clauses.forEach(function (clause) {
        if (/^[^*]{1,2}\*$/.test(clause.term)) clause.term = clause.term.slice(0, -1);
      });
    });
    return results.length > LIMIT ? results.slice(0, LIMIT) : results;  // sorted by score, best first
  };
})();
