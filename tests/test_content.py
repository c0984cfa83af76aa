"""The handbook's data checked against the article (shared/source/000_3a2556c2fb7725f1.txt), section by section.

These tests read data/ with PyYAML directly, so they do not depend on the engine. Each figure
asserted here is the article's own; if a test fails, compare the data with the article before
changing the test.
"""

from __future__ import annotations

import datetime
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from lumbar.review import review_due

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLE_REVIEWED = datetime.date(2025, 7, 3)  # "last reviewed 03.07.2025"


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _kind(kind: str) -> dict[str, dict]:
    return {p.stem: _load(p) for p in sorted((DATA / kind).glob("*.yaml"))}


EXERCISES = _kind("exercises")
ROUTINES = _kind("routines")
CONDITIONS = _kind("conditions")
SOURCES = {s["id"]: s for s in _load(DATA / "sources.yaml")["sources"]}
PATTERNS = {p["id"]: p for p in _load(DATA / "harmful-patterns.yaml")["patterns"]}
CONTRA = {c["id"]: c for c in _load(DATA / "contraindications.yaml")["contraindications"]}
SAFETY = _load(DATA / "safety.yaml")


def items(routine: str) -> list[dict]:
    return ROUTINES[routine]["items"]


def item(routine: str, number: int) -> dict:
    """The article's item `number` (1-based) of a routine."""
    return items(routine)[number - 1]


def words(entry: dict) -> str:
    """Everything written for a routine item, lower-cased, to look for the article's words."""
    parts = [entry.get("source_wording") or "", entry.get("hold") or "", entry.get("rest") or ""]
    parts += entry.get("notes", [])
    parts += [n["text"] for n in entry.get("editorial", [])]
    return " ".join(parts).lower()


def editorial_kinds(entry: dict) -> set[str]:
    return {n["kind"] for n in entry.get("editorial", [])}


# --- The shape of the whole -------------------------------------------------------------------

ROUTINE_COUNTS = {
    "back-pain": 5,
    "hernia": 8,
    "bubnovsky": 7,
    "dikul": 10,
    "flexibility": 13,
    "osteochondrosis": 8,
    "pinched-nerve": 1,
    "stretching": 3,
    "pregnancy": 5,
    "slimming": 3,
    "complex": 4,
    "yoga": 5,
    "home": 5,
    "relax": 6,
    "barbell": 3,
}

# The article's order, item by item, with the movement each item was matched to.
ORDER = {
    "back-pain": ["cat", "crunch", "half-bridge", "prone-press-up", "child-pose"],
    "hernia": [
        "double-leg-raise",
        "scissors",
        "bench-knee-hug",
        "sit-up-to-knees",
        "side-lying-leg-raise",
        "side-lying-leg-raise",
        "prone-leg-raise",
        "prone-double-leg-raise",
    ],
    "bubnovsky": [
        "all-fours-relax",
        "cat",
        "kneeling-lunge-stretch",
        "all-fours-forward-reach",
        "all-fours-rock-back",
        "sit-up-to-knees",
        "half-bridge",
    ],
    "dikul": [
        "supine-hip-turn",
        "twisting-shoulder-lift",
        "supine-side-bend",
        "supine-leg-side-shift",
        "anchored-back-extension",
        "supported-forward-lean",
        "side-lying-arm-leg-raise",
        "side-lying-arm-leg-raise",
        "heel-slides",
        "crunch",
    ],
    "flexibility": [
        "supine-foot-to-knee",
        "double-knee-bend-straighten",
        "supine-butterfly",
        "leg-circles",
        "scissors",
        "leg-pendulum",
        "double-leg-semicircles",
        "knee-to-chest",
        "prone-press-up",
        "prone-leg-raise",
        "prone-opposite-arm-leg-raise",
        "side-lying-leg-swing-front-back",
        "side-lying-leg-swing-up-down",
    ],
    "osteochondrosis": [
        "prone-leg-raise",
        "prone-double-leg-open-close",
        "prone-double-leg-raise",
        "prone-bent-knee-leg-raise",
        "prone-half-bow",
        "knee-rolls",
        "knee-to-chest",
        "half-bridge",
    ],
    "pinched-nerve": ["unloading-position"],
    "stretching": ["knee-to-chest", "knee-rolls", "double-knee-to-chest"],
    "pregnancy": [
        "standing-posture-stretch",
        "standing-side-bend",
        "standing-hip-figure-eight",
        "all-fours-hip-circles",
        "cat",
    ],
    "slimming": ["bird-dog", "seated-hip-lift", "superman"],
    "complex": ["wall-stretch", "supine-elbow-arch", "arms-long-curl-up-hold", "double-leg-raise"],
    "yoga": ["cat", "downward-upward-dog", "cobra", "child-pose", "revolved-triangle"],
    "home": [
        "dumbbell-bent-over-row",
        "dumbbell-lateral-raise",
        "dumbbell-rear-lateral-raise",
        "back-extension",
        "twisting-back-extension",
    ],
    "relax": [
        "supine-butterfly",
        "butterfly-hip-sway",
        "crossed-leg-press-down",
        "crossed-leg-pull-in",
        "crunch",
        "oblique-crunch",
    ],
    "barbell": ["barbell-deadlift", "barbell-good-morning", "barbell-bent-over-row"],
}


def test_every_routine_of_the_article_is_there_and_nothing_else():
    assert set(ROUTINES) == set(ROUTINE_COUNTS)


@pytest.mark.parametrize("routine,count", sorted(ROUTINE_COUNTS.items()))
def test_item_count_per_routine(routine, count):
    assert len(items(routine)) == count


def test_items_total_86():
    assert sum(len(r["items"]) for r in ROUTINES.values()) == 86


@pytest.mark.parametrize("routine", sorted(ORDER))
def test_items_keep_the_article_order(routine):
    assert [i["exercise"] for i in items(routine)] == ORDER[routine]


def test_routines_cite_their_own_section():
    for rid, r in ROUTINES.items():
        assert rid in r["sources"], rid


def test_every_exercise_file_is_used_and_every_item_resolves():
    used = {i["exercise"] for r in ROUTINES.values() for i in r["items"]}
    assert used == set(EXERCISES)


def routines_using(ex: str) -> set[str]:
    return {rid for rid, r in ROUTINES.items() if any(i["exercise"] == ex for i in r["items"])}


def test_one_movement_one_file():
    assert routines_using("cat") == {"back-pain", "bubnovsky", "pregnancy", "yoga"}
    assert routines_using("half-bridge") == {"back-pain", "bubnovsky", "osteochondrosis"}
    assert routines_using("child-pose") == {"back-pain", "yoga"}
    assert routines_using("knee-to-chest") == {"flexibility", "osteochondrosis", "stretching"}
    assert routines_using("knee-rolls") == {"osteochondrosis", "stretching"}
    assert routines_using("prone-leg-raise") == {"hernia", "flexibility", "osteochondrosis"}
    assert routines_using("scissors") == {"hernia", "flexibility"}


def test_exercises_cite_every_section_that_uses_them():
    for ex_id, ex in EXERCISES.items():
        for rid in routines_using(ex_id):
            assert rid in ex["sources"], f"{ex_id} is used in {rid} but does not cite it"
        if ex.get("patterns"):
            assert "harmful" in ex["sources"], ex_id


# --- Section by section -----------------------------------------------------------------------


def test_back_pain():
    cat, crunch, bridge, press, child = items("back-pain")
    assert cat["reps"] == 15 and "15 approaches" in cat["source_wording"]
    assert "translation" in editorial_kinds(cat)
    assert crunch["reps"] == "10-30" and "translation" in editorial_kinds(crunch)
    assert bridge["reps"] == "10-30"
    assert press["reps"] == "15-20" and "few seconds" in press["hold"]
    assert child["hold_seconds"] == 120


def test_hernia():
    legs, scissors, bench, situp, side, side_other, prone, prone_both = items("hernia")
    assert legs["hold_seconds"] == 15 and legs["reps"] == 10
    assert "15 degrees" in words(legs)
    assert scissors["reps"] == 10 and scissors["sets"] == 10 and "short" in scissors["rest"]
    assert "15 degrees" in words(scissors)
    assert bench["hold_seconds"] == 15 and bench["reps"] == 10
    assert "bench" in EXERCISES["bench-knee-hug"]["equipment"]
    assert situp["reps"] == 10
    assert side["hold_seconds"] == 15 and side["reps"] == 15 and "90" in words(side)
    assert side_other["exercise"] == side["exercise"] and "other" in words(side_other)
    assert prone["hold_seconds"] == "up to 15" and prone["reps"] == 10
    assert "roller" in words(prone) and "roller" in words(prone_both)
    assert "both-legs-raised" in EXERCISES[prone_both["exercise"]]["patterns"]
    assert any("20 cm" in a for a in ROUTINES["hernia"]["advice"])


def test_bubnovsky():
    r = ROUTINES["bubnovsky"]
    assert "twice" in r["repeat"]
    assert item("bubnovsky", 2)["reps"] == "up to 20"
    for n in (3, 6):  # "go on through slight pain" against the article's stop rule
        assert "conflict" in editorial_kinds(item("bubnovsky", n)), n
        assert "pain" in item("bubnovsky", n)["source_wording"].lower()
    assert item("bubnovsky", 5)["sets"] == "up to 6"
    assert "burning" in words(item("bubnovsky", 6))
    assert "ice pack" in words(item("bubnovsky", 6))
    assert item("bubnovsky", 7)["reps"] == "10-30"


def test_dikul():
    one, two, three, four, five, six, seven, eight, nine, ten = items("dikul")
    assert one["reps"] == 8 and one["per_side"] is True and one["hold_seconds"] == 3
    assert two["reps"] == 8 and two["sets"] == 3 and two["rest_seconds"] == 180 and two["hold_seconds"] == 2
    assert three["hold_seconds"] == "2-3" and three["sets"] == 3 and three["rest_seconds"] == 180
    assert "oilcloth" in EXERCISES["supine-side-bend"]["optional_equipment"]  # "at first, if sliding is hard"
    for n, entry in ((4, four), (5, five), (6, six), (7, seven), (8, eight), (10, ten)):
        # The note wins (hold while comfortable); the article's figure stays in the source wording and the note.
        assert entry["hold"] == "as long as is comfortable", n
        assert "couple of minutes" in str(entry.get("source_wording")) + str(entry["editorial"]), n
        assert "hold_seconds" not in entry, n
        assert "oddity" in editorial_kinds(entry), n
    assert four["reps"] == 8 and four["sets"] == 3 and four["rest_seconds"] == 180
    assert "heavy-furniture" in EXERCISES["anchored-back-extension"]["equipment"]
    assert six["reps"] == 8 and six["sets"] == 3
    assert seven["exercise"] == eight["exercise"] and seven["sets"] == eight["sets"] == 3
    assert nine["reps"] == 12 and nine["rest_seconds"] == 120 and "several" in words(nine)
    assert ten["reps"] == 12 and ten["sets"] == 3 and ten["rest_seconds"] == 120
    assert any("breathe in" in a.lower() and "breathe out" in a.lower() for a in ROUTINES["dikul"]["advice"])


def test_flexibility():
    entries = items("flexibility")
    for n in (1, 2, 3, 5, 6, 7):  # "First, we do the exercises lying on our back. We practice 10 repetitions."
        assert entries[n - 1]["reps"] == 10, n
    circles = entries[3]
    assert circles["reps"] == 20 and circles["per_side"] is True
    assert "20 times clockwise and 20 times counterclockwise" in circles["source_wording"]
    assert entries[7]["reps"] == "10-15" and entries[7]["per_side"] is True
    assert entries[8]["reps"] == 6
    assert entries[9]["hold_seconds"] == 20 and entries[9]["reps"] == "up to 8" and "20 cm" in words(entries[9])
    assert entries[10]["sets"] == 8 and "translation" in editorial_kinds(entries[10])
    # the sub-block headings are carried in the notes
    assert "lying on your back" in words(entries[0])
    assert "lying on your front" in words(entries[8])
    assert "lying on your side" in words(entries[11])
    for n in (12, 13):
        assert not {"reps", "sets", "hold_seconds"} & set(entries[n - 1]), n


def test_osteochondrosis():
    entries = items("osteochondrosis")
    for n in range(1, 6):  # "Starting position: lying on your stomach. 8 - 12 repetitions."
        assert entries[n - 1]["reps"] == "8-12", n
    for n in (1, 3, 4):
        assert entries[n - 1]["hold_seconds"] == 30, n
    # "Four times in each direction": one repetition goes right and left, so 4 in all (not 4 each side, twice over).
    assert entries[5]["reps"] == 4 and "per_side" not in entries[5] and "each direction" in entries[5]["source_wording"]
    assert "lying on your front" in words(entries[0])
    assert "lying on your back" in words(entries[5])


def test_pinched_nerve():
    r = ROUTINES["pinched-nerve"]
    (only,) = r["items"]
    ex = EXERCISES[only["exercise"]]
    assert "chair" in ex["equipment"] and "scarf" in ex["equipment"]
    text = " ".join(r["advice"] + r.get("stop_rules", [])).lower()
    assert "flaring" in text or "flare-up" in text
    assert "doctor" in text
    assert "pinched-nerve-flare-up" not in r.get("contraindications", [])
    for rid, other in ROUTINES.items():
        if rid != "pinched-nerve":
            assert "pinched-nerve-flare-up" in other["contraindications"], rid


def test_stretching():
    first, second, third = items("stretching")
    assert first["hold"] == "count to ten" and first["per_side"] is True
    assert second["reps"] == 10
    assert third["hold"] == "count to ten"


def test_pregnancy():
    assert items("pregnancy")[-1]["exercise"] == "cat"
    assert "pregnancy" not in ROUTINES["pregnancy"]["contraindications"]
    for rid in set(ROUTINES) - {"pregnancy", "pinched-nerve"}:
        assert "pregnancy" in ROUTINES[rid]["contraindications"], rid


def test_slimming():
    pairs, lift, superman = items("slimming")
    assert pairs["reps"] == 10 and pairs["per_side"] is True
    assert lift["reps"] == "up to 30"
    assert superman["hold"] == "a few seconds"
    assert {"arms-and-legs-together", "both-legs-raised"} <= set(EXERCISES["superman"]["patterns"])
    assert "bridge" in EXERCISES["seated-hip-lift"]["patterns"]


def test_complex():
    wall, arch, curl, legs = items("complex")
    assert wall["hold_seconds"] == 60 and "about a minute" in wall["source_wording"]
    assert (arch["reps"], arch["hold_seconds"]) == ("up to 10", 30)
    assert (curl["reps"], curl["hold_seconds"]) == ("up to 10", 30)
    assert (legs["reps"], legs["hold_seconds"]) == ("up to 12", 30)
    assert "wall" in EXERCISES["wall-stretch"]["equipment"]


def test_yoga_and_sanskrit_names():
    cat, dog, cobra, child, triangle = items("yoga")
    assert dog["reps"] == "4-5"
    assert triangle["reps"] == 4 and triangle["per_side"] is True
    assert "several" in cat["source_wording"]
    names = {
        "cat": "Marjariasana",
        "downward-upward-dog": "Adho Mukha Svanasana",
        "cobra": "Bhujangasana",
        "child-pose": "Balasana",
        "revolved-triangle": "Parivrtta Trikonasana",
    }
    for ex, name in names.items():
        assert name in EXERCISES[ex]["other_names"], ex
    # The article's cobra stop rule is the yoga routine's own stop sign (the routine does not print it twice).
    assert any("yoga" in s.get("routines", []) and "discomfort" in s["text"] for s in SAFETY["stop_signs"])


def test_home_every_item_20_25_in_two_blocks():
    for n, entry in enumerate(items("home"), 1):
        assert entry["reps"] == "20-25" and entry["sets"] == 2 and "short" in entry["rest"], n
    for ex in ("dumbbell-bent-over-row", "dumbbell-lateral-raise", "dumbbell-rear-lateral-raise"):
        assert "dumbbells" in EXERCISES[ex]["equipment"], ex
    assert any("warm" in a.lower() for a in ROUTINES["home"]["advice"])
    assert any("pain or discomfort" in s for s in ROUTINES["home"]["stop_rules"])


def test_relax_every_item_10_12():
    for n, entry in enumerate(items("relax"), 1):
        assert entry["reps"] == "10-12", n
    assert item("relax", 1)["hold_seconds"] == 30
    assert "pillow" in EXERCISES["supine-butterfly"]["optional_equipment"]  # "for greater comfort"


def test_barbell():
    lift = item("barbell", 1)
    assert lift["hold"] == "only while your back stays straight"  # the note wins; the article's figure below
    assert "about two minutes" in lift["source_wording"] and "about two minutes" in str(lift["editorial"])
    assert "oddity" in editorial_kinds(lift)
    assert "back-pain-barbell" in ROUTINES["barbell"]["contraindications"]
    assert "short rest" in item("barbell", 3)["rest"]


def test_approaches_meaning_repetitions_are_flagged():
    for routine, number in [
        ("back-pain", 1),
        ("back-pain", 2),
        ("back-pain", 4),
        ("hernia", 1),
        ("hernia", 4),
        ("hernia", 5),
        ("hernia", 7),
        ("bubnovsky", 2),
        ("bubnovsky", 7),
    ]:
        entry = item(routine, number)
        assert "approaches" in entry["source_wording"], (routine, number)
        assert "reps" in entry, (routine, number)
        assert "translation" in editorial_kinds(entry), (routine, number)


# --- Harmful patterns and safety --------------------------------------------------------------

# The article names these eight; no exercise in any of its routines is a bicycle or a somersault.
UNMATCHED_PATTERNS = {"bicycle", "somersaults"}


def test_all_eight_harmful_patterns():
    assert set(PATTERNS) == {
        "both-legs-raised",
        "arms-and-legs-together",
        "bridge",
        "leg-mill",
        "bicycle",
        "one-leg-load",
        "swinging-presses",
        "somersaults",
    }
    for p in PATTERNS.values():
        assert p["sources"] == ["harmful"]


def test_every_harmful_pattern_has_an_exercise_unless_the_article_has_none():
    matched = {p for ex in EXERCISES.values() for p in ex.get("patterns", [])}
    assert matched == set(PATTERNS) - UNMATCHED_PATTERNS


def test_known_pattern_matches():
    expect = {
        "half-bridge": "bridge",
        "double-leg-raise": "both-legs-raised",
        "scissors": "both-legs-raised",
        "superman": "arms-and-legs-together",
        "seated-hip-lift": "bridge",
        "leg-circles": "leg-mill",
        "sit-up-to-knees": "swinging-presses",
        "prone-leg-raise": "one-leg-load",
        "prone-double-leg-raise": "both-legs-raised",
    }
    for ex, pattern in expect.items():
        assert pattern in EXERCISES[ex]["patterns"], ex


def test_each_matched_pattern_has_a_conflict_note():
    for ex_id, ex in EXERCISES.items():
        noted = {n.get("pattern") for n in ex.get("notes", []) if n["kind"] == "conflict"}
        for p in ex.get("patterns", []):
            assert p in noted, f"{ex_id}: {p}"


def test_contraindications():
    assert {"pregnancy", "recent-spinal-injury", "acute-pain", "pinched-nerve-flare-up", "back-pain-barbell"} <= set(
        CONTRA
    )
    assert "two months" in CONTRA["recent-spinal-injury"]["text"]
    assert "doctor" in CONTRA["recent-spinal-injury"]["text"]
    for rid, r in ROUTINES.items():
        if rid != "pinched-nerve":
            assert {"recent-spinal-injury", "acute-pain"} <= set(r["contraindications"]), rid


def test_safety_rules_and_stop_signs():
    rules = {r["id"] for r in SAFETY["rules"]}
    assert {
        "comfortable-load",
        "feel-light-after",
        "smooth-movements",
        "control-breathing",
        "warm-up",
        "straight-back-with-weights",
        "see-a-doctor-first",
    } <= rules
    stops = {r["id"] for r in SAFETY["stop_signs"]}
    assert {
        "spasm-or-spreading-pain",
        "sharp-pain",
        "no-heroics",
        "any-pain-or-discomfort",
        "cobra-discomfort",
    } <= stops
    for group in ("rules", "stop_signs"):
        for r in SAFETY[group]:
            # Signs for one group of readers (pregnancy) cite the pages read for them; every other rule or sign cites
            # the article's own rule it comes from (a sign that adds what the NHS says also cites that page).
            kinds = {SOURCES[s]["kind"] for s in r["sources"]}
            assert kinds == {"external"} if r.get("conditions") else "article-section" in kinds, r["id"]


def test_pregnancy_has_obstetric_stop_signs():
    """The warning signs to stop exercise in pregnancy (Tommy's list; the urgent ones: call now), and cramping pain
    in pregnancy is stop-and-call, never the general 'ease off and rest'."""
    signs = {r["id"]: r for r in SAFETY["stop_signs"] if "pregnancy" in r.get("conditions", [])}
    text = " ".join(r["text"].lower() for r in signs.values())
    for phrase in ("bleeding", "fluid leaks", "contractions", "moving less", "chest pain", "dizzy", "calf", "breath"):
        assert phrase in text, phrase
    assert {r["urgency"] for r in signs.values()} == {"emergency", "now", "same-day"}
    # What the source sends to the emergency number (UHB NHS; chest pain; sudden breathlessness, or breathlessness
    # with chest or calf pain, and fainting: NHS 111 Wales, SECAmb, Gloucestershire Hospitals) is called so first.
    assert {i for i, r in signs.items() if r["urgency"] == "emergency"} == {
        "pregnancy-chest-pain",
        "pregnancy-heavy-bleeding",
        "pregnancy-severe-tummy-pain",
        "pregnancy-sudden-breathless",
        "pregnancy-fainted",
    }
    assert all("midwife" in r["text"] or "emergency number" in r["text"] for r in signs.values())
    assert "spasm-or-spreading-pain" in signs["pregnancy-tightenings"]["replaces"]


def test_red_flags_cite_the_nhs():
    flags = SAFETY["red_flags"]
    assert len(flags) >= 8
    for f in flags:
        assert f["sources"] and set(f["sources"]) <= {"nhs-back-pain", "nhs-glos-red-flags", "girft-ces-pathway"}, f[
            "id"
        ]
        assert all(SOURCES[s]["publisher"].startswith("NHS") for s in f["sources"]), f["id"]
        assert re.search(r"999|111|A&E|GP", f["text"]), f["id"]
    text = " ".join(f["text"].lower() for f in flags)
    for phrase in (
        "bladder",
        "genitals",
        "both legs",
        "chest pain",
        "serious accident",
        "high temperature",
        "lost weight",
        "worse at night",
        # The signs of a serious cause current guidance adds (NHS pathway), and GIRFT's two cauda equina items.
        "had cancer",
        "over 50",
        "fever",
        "inject drugs",
        "osteoporosis",
        "steroid",
        "getting worse",
        "bowel is full",
        "problems with sex",
    ):
        assert phrase in text, phrase
    assert SOURCES["nhs-back-pain"]["url"].startswith("https://www.nhs.uk/")


# --- Conditions -------------------------------------------------------------------------------

CONDITION_IDS = {
    "low-back-pain",
    "disc-hernia",
    "osteochondrosis",
    "pinched-nerve",
    "pregnancy",
    "sitting-stiffness",
    "weak-back-muscles",
}
GOAL_IDS = {"flexibility", "slimming-waist", "relaxation", "strength-with-weights"}


def test_conditions_and_goals():
    assert set(CONDITIONS) == CONDITION_IDS | GOAL_IDS
    for cid in GOAL_IDS:
        assert CONDITIONS[cid]["kind"] == "goal", cid
    for cid in CONDITION_IDS:
        assert CONDITIONS[cid].get("kind", "condition") == "condition", cid


@pytest.mark.parametrize("cid", sorted(CONDITION_IDS | GOAL_IDS))
def test_at_least_five_synonyms_and_some_misspellings(cid):
    c = CONDITIONS[cid]
    assert len(c["synonyms"]) >= 5
    assert len(set(s.lower() for s in c["synonyms"])) == len(c["synonyms"])
    assert c.get("misspellings")


def test_the_names_people_search_for():
    must = {
        "disc-hernia": ["Herniated disc", "Slipped disc", "Bulging disc", "Disc prolapse", "HNP", "Ruptured disc"],
        "pinched-nerve": ["Sciatica", "Trapped nerve", "Lumbar radiculopathy", "Nerve root compression"],
        "osteochondrosis": ["Degenerative disc disease", "DDD", "Spondylosis"],
        "pregnancy": ["Pregnant", "Pregnancy", "Prenatal", "Antenatal", "Expecting"],
        "low-back-pain": ["Lumbago", "Backache", "LBP", "Lumbalgia"],
        "weak-back-muscles": ["Muscle atrophy", "Deconditioning", "Weak core"],
    }
    for cid, names in must.items():
        for name in names:
            assert name in CONDITIONS[cid]["synonyms"], (cid, name)
    assert "sciatic" in CONDITIONS["pinched-nerve"]["misspellings"]
    assert "herniated disk" in CONDITIONS["disc-hernia"]["misspellings"]


def test_condition_routines():
    assert CONDITIONS["disc-hernia"]["routines"] == ["hernia"]
    assert CONDITIONS["pinched-nerve"]["routines"] == ["pinched-nerve"]
    assert CONDITIONS["pregnancy"]["routines"] == ["pregnancy"]
    assert "back-pain" in CONDITIONS["low-back-pain"]["routines"]
    assert "barbell" not in CONDITIONS["low-back-pain"]["routines"]
    assert "barbell" in CONDITIONS["strength-with-weights"]["routines"]
    covered = {r for c in CONDITIONS.values() for r in c.get("routines", [])}
    assert covered == set(ROUTINES)


def test_condition_never_avoids_what_its_routines_use():
    for cid, c in CONDITIONS.items():
        used = {i["exercise"] for r in c.get("routines", []) for i in ROUTINES[r]["items"]}
        for entry in c.get("avoid", []):
            assert entry["exercise"] not in used, (cid, entry["exercise"])
        for entry in c.get("caution", []):
            assert entry["exercise"] in EXERCISES, (cid, entry["exercise"])


def test_barbell_avoided_with_back_pain():
    avoided = {e["exercise"] for e in CONDITIONS["low-back-pain"]["avoid"]}
    assert {"barbell-deadlift", "barbell-good-morning", "barbell-bent-over-row"} <= avoided


# --- Housekeeping -----------------------------------------------------------------------------


# Each file's schema line: tests/test_schema.py (test_every_data_file_names_its_schema_and_fits_it).


def test_ids_and_reviewed():
    for kind, docs in (("exercises", EXERCISES), ("routines", ROUTINES), ("conditions", CONDITIONS)):
        for item_id, doc in docs.items():
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item_id), (kind, item_id)
            assert isinstance(doc["reviewed"], datetime.date), (kind, item_id)
            assert doc["reviewed"] <= datetime.date.today(), (kind, item_id, "reviewed in the future")
            assert doc["reviewed"] >= ARTICLE_REVIEWED, (kind, item_id, "reviewed before the article's own review")
            assert review_due(doc["reviewed"]) == _twelve_months_after(doc["reviewed"]), (kind, item_id)
            assert all(s in SOURCES for s in doc["sources"]), (kind, item_id)


def test_every_exercise_has_figures():
    assert not [e for e, ex in EXERCISES.items() if "figures" not in ex]


def test_steps_are_short_single_actions():
    for ex_id, ex in EXERCISES.items():
        for step in ex["steps"]:
            assert len(step) <= 120, (ex_id, step)
            assert step[0].isupper() and step.endswith("."), (ex_id, step)


def _twelve_months_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def test_next_review_is_twelve_months_later():
    assert review_due(datetime.date(2026, 12, 1)) == datetime.date(2027, 12, 1)
    assert review_due(datetime.date(2028, 2, 29)) in (datetime.date(2029, 2, 28), datetime.date(2029, 3, 1))


# --- Regression tests for the kinds of defect found by the content audit (issue 13) -----------


def _texts(doc: dict) -> list[str]:
    """Every string in a data document, at any depth."""
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict):
        return [t for v in doc.values() for t in _texts(v)]
    if isinstance(doc, list):
        return [t for v in doc for t in _texts(v)]
    return []


def _item_notes(entry: dict) -> str:
    """What the reader is told about one routine item beyond the figures (its notes and editorial notes)."""
    return " ".join(entry.get("notes", []) + [n["text"] for n in entry.get("editorial", [])]).lower()


def test_source_item_numbers_follow_the_article():
    for rid, r in ROUTINES.items():
        assert [i["source_item"] for i in r["items"]] == list(range(1, len(r["items"]) + 1)), rid


# The article places the roller under the stomach (hernia item 7) and, in the yoga section only,
# a bolster under the lower back after the cobra. For the hernia pain rule it gives no place.
ROLLER_UNDER_LOWER_BACK = re.compile(r"(roller|bolster)[^.;]*\bunder (your|the) (lower back|lumbar)", re.IGNORECASE)


def test_no_roller_placement_the_article_does_not_give():
    docs = [ROUTINES["hernia"], CONDITIONS["disc-hernia"]]
    docs += [EXERCISES[i["exercise"]] for i in items("hernia")]
    docs += [r for group in ("rules", "stop_signs") for r in SAFETY[group] if "yoga" not in r["sources"]]
    for doc in docs:
        for text in _texts(doc):
            assert not ROLLER_UNDER_LOWER_BACK.search(text), text


def test_hernia_pain_rule_stated_once():
    hernia = ROUTINES["hernia"]
    rules = hernia.get("advice", []) + hernia.get("stop_rules", [])
    rules += [s["text"] for s in SAFETY["stop_signs"] if "hernia" in s.get("routines", [])]
    assert len([t for t in rules if "sharp pain" in t.lower()]) == 1, rules
    # and what the article leaves open is said in a note
    assert any("not where it goes" in n["text"] for n in hernia.get("notes", []))


FILLED_BY_THE_ROUTINE = {  # the words of a step that the routine item must fill, and the fields that fill them
    "the time the routine gives": ("hold", "hold_seconds"),
    "the count the routine gives": ("reps",),
}


def test_what_a_step_leaves_to_the_routine_the_routine_gives():
    for ex_id, ex in EXERCISES.items():
        for step in ex["steps"] + [ex.get("start", "")]:
            assert "angle the routine gives" not in step, (ex_id, step)  # no routine item has an angle field
            for phrase, fields in FILLED_BY_THE_ROUTINE.items():
                if phrase not in step:
                    continue
                for rid, r in ROUTINES.items():
                    for n, entry in enumerate(r["items"], 1):
                        if entry["exercise"] == ex_id:
                            assert any(entry.get(f) for f in fields), (rid, n, ex_id, phrase)


# Items whose article text moves on to the other leg, arm, side or direction (read from the article).
OTHER_SIDE = {
    "hernia": [6, 7],
    "bubnovsky": [3],
    "dikul": [1, 2, 3, 4, 8],
    "flexibility": [1, 4, 6, 8, 10, 12, 13],
    "osteochondrosis": [1, 5, 6, 7],
    "stretching": [1, 2],
    "pregnancy": [2],
    "slimming": [1],
    "yoga": [5],
    "relax": [3, 6],
}


def test_every_other_side_item_says_so():
    for rid, numbers in OTHER_SIDE.items():
        for n in numbers:
            entry = item(rid, n)
            told = _item_notes(entry)
            assert entry.get("per_side") or re.search(r"\b(other|change|each|then|vice versa|left)\b", told), (rid, n)


DOCTOR_EXEMPT = {
    "barbell": "back-pain-barbell",  # not for anyone with back pain at all
    "pinched-nerve": None,  # no exercise: rest, then a doctor (its own advice)
}


def test_see_a_doctor_first_on_every_routine_it_applies_to():
    for rid, r in ROUTINES.items():
        if rid in DOCTOR_EXEMPT:
            other = DOCTOR_EXEMPT[rid]
            assert other is None or other in r["contraindications"], rid
            assert other is not None or any("doctor" in a for a in r["advice"]), rid
            continue
        assert "back-pain-without-doctor" in r.get("contraindications", []), rid
    assert "back-pain-without-doctor" in ROUTINES["pregnancy"]["contraindications"]


def test_every_condition_says_when_to_see_a_doctor():
    for cid, c in CONDITIONS.items():
        assert any("doctor" in t.lower() or "before you start" in t.lower() for t in c.get("see_a_doctor", [])), cid


def test_a_straight_back_rule_is_squared_with_back_bends():
    for rid, r in ROUTINES.items():
        if not any("spine straight" in a for a in r.get("advice", [])):
            continue
        for n, entry in enumerate(r["items"], 1):
            ex = EXERCISES[entry["exercise"]]
            bends = re.search(r"\b(arch|turn)", " ".join([ex["summary"], *ex["steps"]]).lower())
            if bends:
                assert "conflict" in editorial_kinds(entry), (rid, n, entry["exercise"])


def test_dikul_legs_to_the_side_is_not_a_bent_knee_roll():
    four = item("dikul", 4)
    ex = EXERCISES[four["exercise"]]
    assert four["exercise"] != "knee-rolls"
    assert "bent" not in ex["start"] and "legs stretched out" in ex["start"]
    assert "both legs" in " ".join(ex["steps"])


def test_open_data_carries_source_item():
    from lumbar.export import as_dict
    from lumbar.load import load_handbook

    exported = {r["id"]: r for r in as_dict(load_handbook(DATA))["routines"]}
    for rid, r in ROUTINES.items():
        assert [i["source_item"] for i in exported[rid]["items"]] == [i["source_item"] for i in r["items"]], rid


# Built-site checks for what the templates say about the data (the `site` fixture builds once).


def test_condition_pages_say_which_advice_wins(site):
    for cid, c in CONDITIONS.items():
        html = unescape((site / "conditions" / cid / "index.html").read_text(encoding="utf-8"))
        avoid = set(c.get("avoid_patterns", []))
        clash = {
            i["exercise"]
            for rid in c.get("routines", [])
            for i in items(rid)
            if avoid & set(EXERCISES[i["exercise"]].get("patterns", []))
        }
        if clash:
            wins = re.search(r'<p class="lh-which-wins">(.*?)</p>', html, re.S)
            assert wins and "wins" in wins.group(1), cid
            for ex_id in clash:
                assert EXERCISES[ex_id]["title"] in wins.group(1), (cid, ex_id)
        else:
            assert "lh-which-wins" not in html, cid


def test_pages_show_the_article_item(site):
    for rid, r in ROUTINES.items():
        html = unescape((site / "routines" / rid / "index.html").read_text(encoding="utf-8"))
        section = SOURCES[rid]["section"]
        for entry in r["items"]:
            assert f'article section "{section}", item {entry["source_item"]}' in html, (rid, entry)
    html = (site / "exercises" / "side-lying-leg-raise" / "index.html").read_text(encoding="utf-8")
    assert "item 5" in html and "item 6" in html


# Facts the glossary once added that the article does not give (issue 13): each phrase, in each language.
GLOSSARY_INVENTED = {
    "en": [
        "Sergey",
        "Valentin",
        "Russian doctor",
        "his own spinal injury",
        "towel",
        "under your lower back to ease",
        "spread into the buttock",
        "Keep breathing while you hold",
        "mainly in Russia",
    ],
    "es": [
        "Sergey",
        "Valentin",
        "médico ruso",
        "lesión de columna",
        "toalla",
        "bajo la zona lumbar para aliviar",
        "extenderse a la nalga",
        "Siga respirando",
        "sobre todo en Rusia",
    ],
    "ru": [
        "Сергея",
        "Валентина",
        "российского врача",
        "собственной травмы",
        "полотенце",
        "под поясницу, чтобы",
        "отдавать в ягодицу",
        "продолжайте дышать",
        "в основном в России",
    ],
}


@pytest.mark.parametrize("lang", sorted(GLOSSARY_INVENTED))
def test_glossary_states_no_fact_the_article_does_not_give(lang):
    text = (ROOT / "docs" / ("glossary.md" if lang == "en" else f"glossary.{lang}.md")).read_text(encoding="utf-8")
    assert [p for p in GLOSSARY_INVENTED[lang] if p in text] == []
    # What the glossary adds of its own is marked as such.
    assert {"en": "Our note", "es": "Nota nuestra", "ru": "Наше примечание"}[lang] in text
