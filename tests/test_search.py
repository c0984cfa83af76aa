"""Find by condition: the site's own search box, the filter page, tags and the Conditions sections.

The search tables are written here, not read from the data, so a lost synonym fails a test.
"""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import urlsplit

import pytest

from tests.browsing import settle, settled_results, type_query

# What people type, and the condition it means.
CONDITION_QUERIES = [
    ("herniated disc", "disc-hernia"),
    ("slipped disc", "disc-hernia"),
    ("bulging disc", "disc-hernia"),
    ("herniated disk", "disc-hernia"),
    ("HNP", "disc-hernia"),
    ("sciatica", "pinched-nerve"),
    ("trapped nerve", "pinched-nerve"),
    ("radiculopathy", "pinched-nerve"),
    ("lumbago", "low-back-pain"),
    ("LBP", "low-back-pain"),
    ("backache", "low-back-pain"),
    ("lumbargo", "low-back-pain"),
    ("degenerative disc disease", "osteochondrosis"),
    ("osteochondrosis", "osteochondrosis"),
    ("spondylosis", "osteochondrosis"),
    ("pregnant", "pregnancy"),
    ("expecting a baby", "pregnancy"),
    ("antenatal", "pregnancy"),
    ("stiff back from sitting", "sitting-stiffness"),
    ("desk job", "sitting-stiffness"),
    ("sedentary", "sitting-stiffness"),
    ("weak core", "weak-back-muscles"),
    ("muscle atrophy", "weak-back-muscles"),
    ("muscle spasm", "relaxation"),
    ("love handles", "slimming-waist"),
    ("weight training", "strength-with-weights"),
    ("mobility", "flexibility"),
]

# Other names of exercises, and the exercise they name.
EXERCISE_QUERIES = [
    ("Bhujangasana", "cobra"),
    ("child's pose", "child-pose"),
    ("Balasana", "child-pose"),
    ("glute bridge", "half-bridge"),
    ("cat-cow", "cat"),
    ("cat cow", "cat"),
    ("Marjaryasana", "cat"),
    ("locust", "superman"),
    ("McKenzie press-up", "prone-press-up"),
    ("windscreen wipers", "knee-rolls"),
    ("downward dog", "downward-upward-dog"),
    ("reverse plank", "seated-hip-lift"),
    ("90-90 rest position", "unloading-position"),
    ("deadlift", "barbell-deadlift"),
]


@pytest.fixture(scope="module")
def search(browser, server):
    """The home page, open once for all the searches: the search index loads only once."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server)
    page.keyboard.press("/")  # Material's shortcut: open the search and focus the box
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    assert box.evaluate("el => el === document.activeElement")
    yield page, box
    context.close()


def top_results(search, server: str, query: str, n: int = 3) -> list[str]:
    """Type `query` into the search box; the first `n` result pages, as site paths."""
    page, box = search
    # Empty the box first, so no result of the previous query is left to read.
    box.fill("")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", state="detached")
    # All but the last character at once, then the last one typed: Material searches on keyup, so
    # exactly one search runs, and no result of a half-typed query can be read by mistake.
    type_query(page, query)
    # The settled list, not the first result: Material may still be adding items when the first one shows.
    assert settled_results(page, query) > 0
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(li => li.querySelector('a.md-search-result__link').href)",
    )
    return [urlsplit(h).path.removeprefix(urlsplit(server).path) for h in hrefs[:n]]


SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search(\.[0-9a-f]+\.min|-worker)\.js$")

ASK_WORKER = """async ([url, docs, queries]) => {
  const worker = new Worker(url);
  const answer = (message) => new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    setTimeout(() => reject(new Error("no answer in 20 s")), 20000);
    worker.postMessage(message);
  });
  const config = {lang: ["en"], separator: "[\\s\\-]+", pipeline: ["stopWordFilter"],
                  fields: {title: {boost: 1000}, text: {boost: 1}}};
  await answer({type: 0, data: {config: config, docs: docs, options: {suggest: false}}});
  const out = {};
  for (const q of queries) out[q] = (await answer({type: 2, data: q})).data.items.length;
  worker.terminate();
  return out;
}"""


@pytest.mark.parametrize(
    "wrapped, expected",
    [(True, {"knee": 100, "k": 1, "kn": 0, "kne": 100}), (False, {"knee": 300, "k": 301, "kn": 300, "kne": 300})],
)
def test_search_worker_answers_with_the_best_sections(page, server, site, wrapped, expected):
    """The handbook's wrapper of Material's worker (lumbar/web/js/workers/search-worker.js) answers with the best 100
    sections, and one or two letters match only themselves; Material's worker alone gives every match."""
    material = next((site / "assets/javascripts/workers").glob("search.*.min.js")).name
    base = server + "assets/javascripts/workers/"
    url = f"{base}search-worker.js?material={base}{material}" if wrapped else base + material
    docs = [{"location": f"p{i}/", "title": f"Page {i}", "text": f"knee number {i}"} for i in range(300)]
    docs.append({"location": "k/", "title": "K", "text": "k"})
    page.goto(server + "api/handbook.json")  # same origin, none of the handbook's scripts
    page.set_default_timeout(30_000)
    assert page.evaluate(ASK_WORKER, [url, docs, list(expected)]) == expected


def test_search_loads_only_when_the_reader_searches(page, server):
    """A reader who never searches downloads neither the search worker nor the index; the first use of
    the search box fetches both, and results come."""
    fetched = []
    page.on(
        "request", lambda r: fetched.append(urlsplit(r.url).path) if SEARCH_FILES.search(urlsplit(r.url).path) else None
    )
    page.goto(server + "exercises/cat/", wait_until="networkidle")
    page.mouse.wheel(0, 2000)
    # Not a fixed sleep: wait until the page has scrolled, then is at rest and the browser idle.
    settle(page)
    assert page.evaluate("window.scrollY") > 0
    assert fetched == [], f"fetched before any search: {fetched}"
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    type_query(page, "sciatica")
    assert settled_results(page, "sciatica") > 0
    assert sorted(p.rsplit("/", 1)[-1].split(".")[0] for p in fetched) == ["search", "search-worker", "search_index"]


@pytest.mark.parametrize("query, condition", CONDITION_QUERIES)
def test_search_finds_condition(search, server, handbook, query, condition):
    assert condition in handbook.conditions, f"no condition '{condition}' in the data"
    wanted = {f"conditions/{condition}/"} | {f"routines/{rid}/" for rid in handbook.conditions[condition].routines}
    top = top_results(search, server, query)
    assert wanted & set(top), f"'{query}': top three are {top}, expected conditions/{condition}/ or its routines"


@pytest.mark.parametrize("query, exercise", EXERCISE_QUERIES)
def test_search_finds_exercise(search, server, handbook, query, exercise):
    assert exercise in handbook.exercises, f"no exercise '{exercise}' in the data"
    top = top_results(search, server, query)
    assert f"exercises/{exercise}/" in top, f"'{query}': top three are {top}"


def test_search_tables_cover_the_data(handbook):
    """Every condition is searched for by at least one other name."""
    assert {c for _, c in CONDITION_QUERIES} == set(handbook.conditions)


def test_other_names_show_on_pages(site, handbook):
    for cid, c in handbook.conditions.items():
        assert len(c.synonyms) >= 5, f"{cid}: {len(c.synonyms)} synonyms, the handbook asks for five"
        html = htmllib.unescape((site / "conditions" / cid / "index.html").read_text(encoding="utf-8"))
        aka = re.search(r'<p class="lh-aka">(.*?)</p>', html, re.S).group(1)
        assert all(f"<span>{name}</span>" in aka for name in c.synonyms if name != c.title), cid
    for ex_id, ex in handbook.exercises.items():
        html = htmllib.unescape((site / "exercises" / ex_id / "index.html").read_text(encoding="utf-8"))
        for name in ex.other_names:
            assert f"<span>{name}</span>" in html, (ex_id, name)


# The filter page.


def listed(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "els => els.map(e => e.getAttribute('data-exercise') || e.getAttribute('data-condition'))"
    )


def routine_links(page, condition: str) -> list[str]:
    hrefs = page.eval_on_selector_all(f"#{condition} .lh-find-routines a", "els => els.map(a => a.href)")
    return [urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


def for_condition(handbook, cid: str) -> set[str]:
    """The exercises the filter lists for a condition: those of its routines, less those it avoids (by name or by movement)."""
    c = handbook.conditions[cid]
    avoid = set(handbook.exercise_ids_avoided(cid))
    return {i.exercise for rid in c.routines for i in handbook.routines[rid].items} - avoid


def test_filter(page, server, handbook):
    page.goto(server + "find/")
    condition = page.get_by_label("Condition or goal", exact=True)
    position = page.get_by_label("Start position", exact=True)
    equipment = page.get_by_label("Equipment", exact=True)
    status = page.locator(".lh-find-status")
    condition.wait_for()
    assert status.get_attribute("aria-live") == "polite"

    everything = sorted(handbook.exercises)
    assert sorted(listed(page, ".lh-find-exercises li")) == everything
    assert sorted(listed(page, ".lh-find-card")) == sorted(handbook.conditions)

    # A condition with routines, and the start position and equipment most of its exercises share.
    cid = "disc-hernia"
    expected = for_condition(handbook, cid)
    assert expected, "the hernia routine lists no exercise"
    condition.select_option(cid)
    assert listed(page, ".lh-find-card") == [cid]
    assert routine_links(page, cid) == handbook.conditions[cid].routines
    assert set(listed(page, ".lh-find-exercises li")) == expected
    assert handbook.conditions[cid].title in status.inner_text()
    assert "condition=disc-hernia" in page.url

    positions = [handbook.exercises[e].position for e in expected]
    pid = max(set(positions), key=positions.count)
    position.select_option(pid)
    expected = {e for e in expected if handbook.exercises[e].position == pid}
    assert set(listed(page, ".lh-find-exercises li")) == expected

    kit = [k for e in expected for k in handbook.exercises[e].equipment]
    kid = max(set(kit), key=kit.count) if kit else "none"
    equipment.select_option(kid)
    expected = {
        e
        for e in expected
        if (kid in handbook.exercises[e].equipment if kid != "none" else not handbook.exercises[e].equipment)
    }
    assert expected
    assert set(listed(page, ".lh-find-exercises li")) == expected
    assert re.search(rf"\b{len(expected)} exercises?\b", status.inner_text())

    # Exercises to take care with are marked; those to avoid are listed on the card, not offered.
    care = {e.exercise for e in handbook.conditions[cid].caution} & expected
    for ex in care:
        assert "Take care" in page.locator(f".lh-find-exercises li[data-exercise='{ex}']").inner_text()
    avoid = [
        urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1]
        for h in page.eval_on_selector_all(
            f"#{cid} .lh-find-avoid a[href*='exercises/']", "els => els.map(a => a.href)"
        )
    ]
    c = handbook.conditions[cid]
    by_movement = [e.exercise for e in c.caution if handbook.avoided_by_pattern(cid, e.exercise)]
    assert avoid == [e.exercise for e in c.avoid] + by_movement
    assert set(avoid) == set(handbook.exercise_ids_avoided(cid))

    page.get_by_role("button", name="Clear the filter").click()
    assert sorted(listed(page, ".lh-find-exercises li")) == everything
    assert sorted(listed(page, ".lh-find-card")) == sorted(handbook.conditions)
    assert condition.input_value() == position.input_value() == equipment.input_value() == ""
    assert urlsplit(page.url).query == ""


def test_filter_position_and_equipment_alone(page, server, handbook):
    page.goto(server + "find/")
    page.get_by_label("Start position", exact=True).select_option("standing")
    assert set(listed(page, ".lh-find-exercises li")) == {
        e for e, x in handbook.exercises.items() if x.position == "standing"
    }
    page.get_by_label("Start position", exact=True).select_option("")
    page.get_by_label("Equipment", exact=True).select_option("none")
    assert set(listed(page, ".lh-find-exercises li")) == {e for e, x in handbook.exercises.items() if not x.equipment}
    assert sorted(listed(page, ".lh-find-card")) == sorted(handbook.conditions)


def test_filter_from_condition_page_link(page, server, handbook):
    page.goto(server + "conditions/pregnancy/")
    page.get_by_role("link", name="Filter the exercises for it").click()
    page.get_by_label("Condition or goal", exact=True).wait_for()
    assert page.get_by_label("Condition or goal", exact=True).input_value() == "pregnancy"
    assert set(listed(page, ".lh-find-exercises li")) == for_condition(handbook, "pregnancy")


def test_find_page_without_javascript(browser, server, handbook):
    """Without JavaScript the page still lists every condition with its names, routines and what to avoid."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "find/")
        assert page.locator("select").count() == 0
        assert not page.locator("#lh-find").is_visible()
        for cid, c in handbook.conditions.items():
            card = page.locator(f"#{cid}")
            text = card.inner_text()
            assert c.title in text
            for name in c.synonyms:
                assert name in text
            assert routine_links(page, cid) == c.routines
            for e in c.avoid:
                assert handbook.exercises[e.exercise].title in card.locator(".lh-find-avoid").inner_text()
    finally:
        context.close()


def test_find_script_is_quiet_elsewhere(page, server):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in ("", "exercises/cat/", "find/"):
        page.goto(server + path)
    page.get_by_label("Condition or goal", exact=True).wait_for()
    assert errors == []


# Tags and the Conditions section of exercise pages (built HTML, no browser).


def test_exercise_pages_show_conditions_and_tags(site, handbook):
    tag_index = (site / "tags" / "index.html").read_text(encoding="utf-8")
    for ex_id in handbook.exercises:
        html = (site / "exercises" / ex_id / "index.html").read_text(encoding="utf-8")
        section = html.split('id="conditions"', 1)[1].split('id="source-and-review"', 1)[0]
        by = handbook.exercise_conditions(ex_id)
        for group in ("recommended", "caution", "avoid"):
            linked = re.findall(rf'<li class="lh-{group}">(.*?)</li>', section, re.S)
            ids = re.findall(r'href="\.\./\.\./conditions/([a-z0-9-]+)/"', "".join(linked))
            assert ids == by[group], (ex_id, group)
        tags = [htmllib.unescape(t) for t in re.findall(r'class="md-tag">([^<]*)</a>', html)]
        assert sorted(tags) == sorted(handbook.conditions[c].title for c in by["recommended"]), ex_id
        if by["recommended"]:
            assert f'href="../exercises/{ex_id}/"' in tag_index


def test_routines_are_tagged(site, handbook):
    for rid in handbook.routines:
        html = (site / "routines" / rid / "index.html").read_text(encoding="utf-8")
        tags = [htmllib.unescape(t) for t in re.findall(r'class="md-tag">([^<]*)</a>', html)]
        assert sorted(tags) == sorted(handbook.conditions[c].title for c in handbook.conditions_for_routine(rid)), rid
