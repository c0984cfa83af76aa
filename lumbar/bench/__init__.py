"""Build-speed, memory, page-weight and search benchmark: the handbook against plain MkDocs + Material.

    make bench                                   # the real handbook, then 100, 1,000 and 5,000 exercises
    python -m lumbar bench --sizes 100,1000 --no-latency --no-serve
    python -m lumbar bench --profile 1000       # where one build's time goes (cProfile, CPU time)
    python -m lumbar bench --quick              # the real handbook only: 3 paired builds, 1 Lighthouse run a page
    python -m lumbar bench --weights site       # only the page weights of a built site, per language
    python -m lumbar bench --instructions       # instructions of the real build and its plain build (callgrind)

For every size, lumbar/bench/synth.py writes a synthetic handbook (N exercises, N/5 routines, N/50
conditions) into a temporary project, and the same pages are written a second time as plain Markdown
(the Markdown the project itself produces, after its hooks and macros) into a plain MkDocs + Material
project: same theme, plugins, extensions and navigation; no hooks, no macros. Both are built with
`mkdocs build` in turns, in the same run. For each build: wall seconds (time.perf_counter around the
child), CPU seconds and peak resident memory of the child (os.wait4). The ratios compare CPU seconds
by default, the least of the repeats (--clock wall for wall time): on a shared machine other work
stretches wall time far more.
Also measured: the search index (site/search/search_index.json, gzip -6) and how it grows per
exercise; each page's gzip weight with what it loads (in every language, on the three-language build of
the real handbook and the largest size); a data edit under `mkdocs serve` (real
handbook); search in headless Chromium at the largest size. The plain build of the largest size comes
last and is skipped, with a note, when it would take the run past --budget seconds.

Each handbook build is paired with its plain build made right after it; the overhead is the median of
these paired ratios, printed with their spread. Then Lighthouse (lumbar/bench/lighthouse.py) measures the mobile
performance score of one page of every kind of the real handbook, three runs each, and prints the medians.

`--instructions` counts, instead of timing, the instructions one build of the real handbook and one of its
plain build execute, each under valgrind's callgrind (after an uncounted build of each, so that both read
compiled bytecode and templates as a repeated `make build` does), and prints their ratio: a figure that
other work on the machine does not move, where CPU seconds spread by a fifth. Callgrind runs a build about
50 to 150 times slower: the real size took 8 minutes on the shared two-core machine, both builds counted at
once (`--sizes 100` adds that size). It counts user-space instructions only: the kernel's work (reading and
writing files) is not in the figure.

The last line reads `scale 5000/1000 = X.XX, overhead vs plain = Y.YY, peak MB = Z`: the 5,000 build
over the 1,000 build, the real handbook's build over its plain-Markdown build (median of the pairs), and the largest peak
memory of any handbook build.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository
