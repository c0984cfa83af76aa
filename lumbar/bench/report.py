"""The benchmark's table and figures, printed, with one line at the end."""

from __future__ import annotations

import statistics
from pathlib import Path

from lumbar.bench.runs import LAST_LINE, fmt_row, overhead, paired_ratios
from lumbar.bench.weights import LIMIT, language_weights_line, page_count, page_weights, search_index


def report(rows: list, figures: dict, args) -> None:
    """Print the table and the other figures; put them in `figures` too."""
    clock = args.clock
    by_label = {label: (hb, plain) for label, _, hb, plain in rows}
    ref = by_label.get("1000")
    head = [
        "build",
        "pages",
        "wall s",
        "min wall s",
        "cpu s",
        "pages/s",
        "peak MB",
        "index KB",
        "index gz KB",
        "plain wall s",
        "plain cpu s",
        "plain MB",
        f"vs plain ({clock})",
        f"vs 1000 ({clock})",
        f"plain vs 1000 ({clock})",
    ]
    table = []
    for label, n, hb, plain in rows:
        pages = page_count(hb.site)
        raw, zipped, entries = search_index(hb.site)
        over = overhead(hb, plain, clock)
        vs_plain = over[0] if over else None
        vs_ref = hb.time(clock) / ref[0].time(clock) if ref else None
        plain_vs_ref = plain.time(clock) / ref[1].time(clock) if plain and ref and ref[1] else None
        table.append(
            [
                label if n is None else f"{n} exercises",
                str(pages),
                f"{hb.wall:.2f}",
                f"{hb.best:.2f}",
                f"{hb.cpu:.2f}",
                f"{pages / hb.wall:.0f}",
                f"{hb.peak_mb:.0f}",
                f"{raw / 1024:.0f}",
                f"{zipped / 1024:.0f}",
                f"{plain.wall:.2f}" if plain else "skipped",
                f"{plain.cpu:.2f}" if plain else "-",
                f"{plain.peak_mb:.0f}" if plain else "-",
                f"{vs_plain:.2f}" if vs_plain else "-",
                f"{vs_ref:.2f}" if vs_ref else "-",
                f"{plain_vs_ref:.2f}" if plain_vs_ref else "-",
            ]
        )
        figures["builds"].append(
            {
                "label": label,
                "exercises": n,
                "pages": pages,
                "walls": [r.wall for r in hb.runs],
                "cpus": [r.cpu for r in hb.runs],
                "peak_mb": hb.peak_mb,
                "index_bytes": raw,
                "index_gzip": zipped,
                "index_entries": entries,
                "plain_walls": [r.wall for r in plain.runs] if plain else None,
                "plain_cpus": [r.cpu for r in plain.runs] if plain else None,
                "plain_peak_mb": plain.peak_mb if plain else None,
                "paired_ratios": paired_ratios(hb, clock),
            }
        )
    widths = [max(len(r[i]) for r in table + [head]) for i in range(len(head))]
    print()
    print(fmt_row(head, widths))
    for row in table:
        print(fmt_row(row, widths))
    print(
        f"(builds: {', '.join(str(len(hb.runs)) for _, _, hb, _ in rows)}; wall s: the median; cpu s: the least "
        "CPU seconds (user + system); pages/s: pages over the median wall time; ratios from "
        + (
            "the least CPU seconds, which other work on a shared machine disturbs far less than wall time)"
            if clock == "cpu"
            else "the least wall seconds)"
        )
    )
    for note in figures["notes"]:
        print(f"note: {note}")
    for label, _n, hb, plain in rows:
        over = overhead(hb, plain, clock)
        if over and over[3]:
            print(
                f"{label}: handbook over plain ({clock}), {over[3]} pairs built back to back: median {over[0]:.3f}, "
                f"spread {over[1]:.3f}-{over[2]:.3f} ({', '.join(f'{r:.3f}' for r in paired_ratios(hb, clock))})"
            )

    # The search index's growth per exercise: a least-squares line through the synthetic sizes.
    synth_builds = [b for b in figures["builds"] if b["exercises"]]
    if len(synth_builds) >= 2:
        xs = [b["exercises"] for b in synth_builds]
        mx = statistics.fmean(xs)

        def slope(key: str) -> float:
            ys = [b[key] for b in synth_builds]
            my = statistics.fmean(ys)
            return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False)) / sum((x - mx) ** 2 for x in xs)

        per, per_gz = slope("index_bytes"), slope("index_gzip")
        figures["index_per_exercise"] = {"bytes": per, "gzip": per_gz}
        last = synth_builds[-1]
        print(
            f"\nsearch index: grows by {per / 1024:.2f} KB ({per_gz / 1024:.2f} KB gzip) per exercise, "
            f"with its share of routines and conditions (least squares over {', '.join(map(str, xs))}); "
            f"{last['index_entries'] / last['pages']:.1f} entries (page sections) per page"
        )

    # Page weight.
    print(
        "\npage weight, gzip -6 KB: HTML + the CSS, JS and images it loads; the search worker and index "
        "counted only where the page loads them before the reader searches:"
    )
    for label, _n, hb, _ in rows:
        weights = page_weights(hb.site)
        if not weights:
            continue
        typical = statistics.median(w.loaded for w in weights)
        worst = max(weights, key=lambda w: w.loaded)
        biggest_html = max(weights, key=lambda w: w.html)
        eager = sum(w.eager_search for w in weights)
        over = sum(w.loaded > LIMIT for w in weights)
        over_with = sum(w.with_index > LIMIT for w in weights)
        where = (
            "at page load on every page"
            if eager == len(weights)
            else ("only once the reader uses search" if not eager else f"at page load on {eager} pages")
        )
        after = statistics.median(w.with_index for w in weights)
        print(
            f"  {label:>5}: median page {typical / 1024:.0f} KB ({after / 1024:.0f} KB after a search); "
            f"heaviest {worst.page} {worst.loaded / 1024:.0f} KB; largest HTML {biggest_html.page} "
            f"{biggest_html.html / 1024:.0f} KB; search worker and index {weights[0].search / 1024:.0f} KB, loaded {where}; "
            f"over 120 KB: {over} of {len(weights)} pages ({over_with} after a search)"
        )
        figures.setdefault("weights", {})[label] = {
            "median": typical,
            "median_after_search": after,
            "heaviest": [worst.page, worst.loaded],
            "largest_html": [biggest_html.page, biggest_html.html],
            "search_gzip": weights[0].search,
            "eager_pages": eager,
            "over_120kb": over,
            "over_120kb_after_search": over_with,
        }
        if label in figures.get("language_sites", {}):  # the three-language build of step 5
            line, by = language_weights_line(label, Path(figures["language_sites"][label]))
            print(line)
            figures["weights"][label]["by_language"] = by

    if "serve" in figures:
        parts = [f"{label}: {', '.join(f'{t:.2f}' for t in ts)} s" for label, ts in figures["serve"].items()]
        print(
            "\nmake serve, real handbook: an edit to an exercise's data file showed on its page after "
            + "; ".join(parts)
        )

    if "languages" in figures:
        parts = [
            f"{label}: median {statistics.median(r):.2f} ({', '.join(f'{x:.2f}' for x in r)})"
            for label, r in figures["languages"].items()
        ]
        print(
            "\nthree languages (en, es, ru) over English alone, CPU seconds, paired: "
            + "; ".join(parts)
            + " (at most 3.3)"
        )

    if "search" in figures:
        lat = figures["search"]
        times = sorted(t for t in lat["keystroke_ms"] if t is not None)
        lost = sum(t is None for t in lat["keystroke_ms"])
        queries = [q.strip() for q in args.queries.split(",") if q.strip()]
        if times:
            p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
            words = ", ".join(
                f"{q!r} {t:.0f} ms" if t is not None else f"{q!r} -"
                for q, t in zip(queries, lat["word_ms"], strict=False)
            )
            print(
                f"\nsearch at {lat['exercises']} exercises, headless Chromium: the index is "
                f"{'fetched at page load' if lat['index_at_load'] else 'not fetched until the search box is used'}; "
                f"search ready {lat['ready_s']:.1f} s after focusing the box (download and index build); "
                f"keystroke to results: median {statistics.median(times):.0f} ms, p90 {p90:.0f} ms, "
                f"max {times[-1]:.0f} ms over {len(times)} keystrokes"
                f"{f' ({lost} got no answer in 5 s)' if lost else ''}; "
                f"after the last key of each query: {words}"
            )

    if figures.get("lighthouse"):
        lh = figures["lighthouse"]
        runs = max(len(v) for v in lh.values())
        print(
            f"\nLighthouse performance (mobile, real handbook, median of {runs} run(s), "
            f"{figures.get('lighthouse_seconds', 0):.0f} s): "
            + ", ".join(f"{kind} {statistics.median(v):.0f} ({'/'.join(map(str, v))})" for kind, v in lh.items())
        )

    # The last line.
    largest = max((r for r in rows if r[1]), key=lambda r: r[1], default=None)
    scale = "-/1000 = -"
    if largest and largest[1] != 1000:  # a lone 1,000 build has nothing to scale against
        ratio = f"{largest[2].time(clock) / ref[0].time(clock):.2f}" if ref else "-"
        scale = f"{largest[1]}/1000 = {ratio}"
    with_plain = [r for r in rows if r[3]]
    overhead_row = by_label.get("real") or ref or (with_plain[-1][2:] if with_plain else None)
    over = overhead(overhead_row[0], overhead_row[1], clock) if overhead_row else None
    overhead_text = f"{over[0]:.2f}" if over else "-"
    peak = max(hb.peak_mb for _, _, hb, _ in rows)
    figures["last_line"] = LAST_LINE.format(scale=scale, overhead=overhead_text, peak=f"{peak:.0f}")
