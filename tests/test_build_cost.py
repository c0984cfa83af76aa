"""The shortcuts that keep the build's fixed cost down give what the long way gives, in-process (no build).

The whole site staying the same byte for byte is the job of a before/after `diff -r` (docs/performance.md);
these tests pin each shortcut to the long way it stands for.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

from lumbar import qr
from lumbar.figures.solver import in_between, interpolate, resolve_all
from lumbar.figures.strokes import View, body_strokes
from lumbar.i18n import scaffold
from lumbar.i18n.coverage import coverage
from lumbar.load import load_handbook
from lumbar.render import front_matter_value

ROOT = Path(__file__).resolve().parent.parent


def dumped(value) -> str:
    """What front matter values were before the shortcut: PyYAML's dumper, double-quoted, on one line."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n")


def test_front_matter_values_are_what_the_yaml_dumper_writes():
    hb = load_handbook(ROOT / "data")
    texts = [item.title for kind in ("exercises", "routines", "conditions") for item in hb.kind(kind).values()]
    texts += ["", 'say "hi"', "back\\slash", "tab\there", "line\nbreak", " lead", "trail ", "a\u2028b", "\ufeff"]
    texts += ["é ñ ж 中 “quotes” – dash", "😀 emoji", "\x85", "\xa0", "#x", "- x", "{x}", "[x]", "]", "x: y", "1:30"]
    pool = [chr(c) for c in [*range(0x250), 0x2027, 0x2028, 0x2029, 0x202A, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0x1F600]]
    rnd = random.Random(14)
    texts += ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 12))) for _ in range(5000)]
    assert [str(front_matter_value(t)) for t in texts] == [dumped(t) for t in texts]
    assert sum(re.fullmatch(r'"[^"\\]*"', dumped(t)) is not None for t in texts) > 1000  # the shortcut is taken
    assert [str(front_matter_value(v)) for v in (3, True, None, ["a"])] == [dumped(v) for v in (3, True, None, ["a"])]


def test_qr_codes_kept_between_builds_are_the_codes_segno_makes(tmp_path):
    url = "https://example.org/lumbar/routines/kept-test/"
    made = qr._make(url)
    assert str(qr.qr_svg(url)) == made  # no folder: made by segno
    qr.qr_svg.cache_clear()
    assert str(qr.qr_svg(url, tmp_path)) == made  # made, then kept
    (kept,) = tmp_path.glob("lumbar-qr-*.svg")
    assert kept.read_text(encoding="utf-8") == f"{url}\n{made}"
    qr.qr_svg.cache_clear()
    kept.write_text(f"{url}\n{made.replace('lh-qr', 'lh-kept', 1)}", encoding="utf-8")
    assert "lh-kept" in str(qr.qr_svg(url, tmp_path))  # read back, not made again
    other = "https://example.org/other/"
    for broken in (
        f"{other}\n{qr._make(other)}",
        f"{url}\n{qr._make(other)}"[:-6],
        f"{url}\n<script>alert(1)</script>",
        "",
        "\ud800",
    ):
        qr.qr_svg.cache_clear()
        kept.write_text(broken, encoding="utf-8", errors="surrogatepass")
        assert str(qr.qr_svg(url, tmp_path)) == made  # another address's code, or not a code: made again
    qr.qr_svg.cache_clear()


def test_the_languages_table_reads_the_english_the_load_read(tmp_path):
    data, docs = tmp_path / "data", ROOT / "docs"
    shutil.copytree(ROOT / "data", data)
    exercise = sorted((data / "exercises").glob("*.yaml"))[0]
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(
        re.sub(r"^title: .+$", "title: A title no translation was made from", text, count=1, flags=re.M)
    )
    hb = load_handbook(data)
    scaffold._english.cache_clear()
    read_again = coverage(data, docs)
    assert coverage(data, docs, hb) == read_again
    before = coverage(ROOT / "data", docs, load_handbook(ROOT / "data"))
    assert [lang["stale"] for lang in read_again] == [lang["stale"] + 1 for lang in before]  # the edit is seen


def test_in_between_bodies_are_the_interpolated_ones():
    hb = load_handbook(ROOT / "data")
    ts = (0.104, 0.352, 0.648, 0.896)
    blocks = [ex.figures for ex in hb.exercises.values() if ex.figures and len(resolve_all(ex.figures)) > 1]
    assert blocks
    for figs in blocks[:12]:
        view, props = View(figs.view), list(figs.props)
        done = resolve_all(figs)
        fresh = [[interpolate(a, b, t) for t in ts] for a, b in zip(done, done[1:], strict=False)]
        for _ in range(2):  # the remembered bodies are not changed by their first use
            kept = in_between(figs, ts)
            assert [[body_strokes(b, view, props) for b in row] for row in kept] == [
                [body_strokes(b, view, props) for b in row] for row in fresh
            ]
