"""The JSON Schemas and the field reference follow the model; data files name and fit their schema;
`python -m lumbar new` and `python -m lumbar review-due` work."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pydantic
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from lumbar import review as review_due
from lumbar.model import KINDS, SHARED
from lumbar.reference import commands, fields, scaffold, schemas

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCHEMAS = ROOT / "schema"
DATA_FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))


def load_yaml(text: str, path: str = "<string>"):
    """Read YAML as the site does: YAML 1.2, so dates stay text, as in the JSON Schema."""
    try:
        from lumbar.loader import parse
    except ImportError:  # pragma: no cover - the loader is the engine's; fall back to PyYAML minus dates

        class Loader(yaml.SafeLoader):
            pass

        Loader.yaml_implicit_resolvers = {
            k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
            for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        return yaml.load(text, Loader=Loader)  # a SafeLoader subclass
    return parse(text, path).value


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / name).read_text(encoding="utf-8")), format_checker=jsonschema.FormatChecker()
    )


# The committed schemas and the field reference are current.


def test_committed_schemas_are_current():
    wanted = schemas.rendered_schemas()
    stale = [
        name
        for name, text in wanted.items()
        if not (SCHEMAS / name).exists() or (SCHEMAS / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(p.name for p in SCHEMAS.glob("*.json") if p.name not in wanted)
    assert not stale and not extra, (
        f"schema/ is out of date with lumbar/model/ (stale: {stale}, no longer in the model: {extra}). "
        "Run `make schema` and commit the result."
    )


def test_one_schema_per_kind_and_shared_file():
    names = set(schemas.rendered_schemas())
    data = {f"{k[:-1]}.json" for k in KINDS} | {Path(n).stem + ".json" for n in SHARED}
    assert names == data | {f"i18n/{n}" for n in data - {"published-ids.json"}} | {
        "i18n/terms.json",
        "i18n/search-names.json",
    }
    assert {
        "exercise.json",
        "routine.json",
        "condition.json",
        "sources.json",
        "harmful-patterns.json",
        "contraindications.json",
        "safety.json",
        "equipment.json",
        "positions.json",
    } <= names


def test_schemas_are_deterministic():
    assert schemas.rendered_schemas() == schemas.rendered_schemas()
    for text in schemas.rendered_schemas().values():
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name", sorted(schemas.rendered_schemas()))
def test_schema_is_valid_json_schema(name):
    jsonschema.Draft202012Validator.check_schema(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def test_contributing_field_reference_is_current():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert fields.START in text and fields.END in text
    assert fields.embed_reference(text) == text, (
        "The field reference in CONTRIBUTING.md is out of date with lumbar/model/. "
        "Run `make schema` and commit the result."
    )


def test_field_reference_lists_every_field():
    reference = fields.field_reference()
    for name, sch in schemas.build_schemas().items():
        for node in [sch, *sch.get("$defs", {}).values()]:
            for prop in node.get("properties", {}):
                assert f"| `{prop}` |" in reference, f"{prop} (from {name}) is missing from the field reference"
    for kind in KINDS:
        assert f"`data/{kind}/<id>.yaml`" in reference
    for shared in SHARED:
        assert f"`data/{shared}`" in reference


def test_field_reference_tables_are_well_formed():
    for line in fields.field_reference().splitlines():
        if line.startswith("|"):
            cells = line.replace("\\|", "").split("|")
            assert len(cells) == 6, f"a table row has the wrong number of cells: {line}"


def test_make_schema_check_passes():
    command = [sys.executable, "-m", "lumbar", "schema", "--check"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_write_refreshes_a_stale_copy(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "exercise.json").write_text("{}\n")
    (tmp_path / "schema" / "gone.json").write_text("{}\n")
    (tmp_path / "CONTRIBUTING.md").write_text(f"# Contributing\n\n{fields.START}\nSTALE-TEXT\n{fields.END}\nend\n")
    changed = {p.name for p in commands.write(tmp_path)}
    assert {"exercise.json", "gone.json", "CONTRIBUTING.md"} <= changed
    assert commands.stale(tmp_path) == []
    assert not (tmp_path / "schema" / "gone.json").exists()
    text = (tmp_path / "CONTRIBUTING.md").read_text()
    assert "STALE-TEXT" not in text and text.endswith(f"{fields.END}\nend\n") and "| `title` |" in text
    assert commands.write(tmp_path) == []


# Every data file names its schema and fits it.


def test_there_are_data_files():
    assert any(p.startswith("exercises/") for p in DATA_FILES)


def schema_line_problems(rel: str) -> list[str]:
    first = (DATA / rel).read_text(encoding="utf-8").splitlines()[0]
    wanted = schemas.schema_comment(rel)
    if wanted is None:
        return [f"data/{rel} is not a kind of data file the model knows"]
    if first != wanted:
        return [f"data/{rel} must start with the line:\n{wanted}"]
    target = ((DATA / rel).parent / first.split("$schema=", 1)[1]).resolve()
    if target != (SCHEMAS / schemas.schema_name(rel)).resolve() or not target.is_file():
        return [f"data/{rel} names {target}, which is not its schema"]
    return []


def schema_fit_problems(rel: str) -> list[str]:
    content = load_yaml((DATA / rel).read_text(encoding="utf-8"), f"data/{rel}")
    errors = sorted(validator(schemas.schema_name(rel)).iter_errors(content), key=lambda e: list(e.absolute_path))
    return [f"data/{rel}: at {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors]


def test_every_data_file_names_its_schema_and_fits_it():
    # One test for all the files (they were a test each, twice): every problem of every file is listed.
    problems = [p for rel in DATA_FILES for p in schema_line_problems(rel) + schema_fit_problems(rel)]
    assert problems == [], "\n".join(problems)


def test_the_file_checks_see_a_wrong_schema_line_and_a_misfit(tmp_path, monkeypatch):
    rel = next(r for r in DATA_FILES if r.startswith("exercises/"))
    text = (DATA / rel).read_text(encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "DATA", tmp_path)
    (tmp_path / rel).parent.mkdir(parents=True)
    (tmp_path / rel).write_text("# no schema\n" + text.split("\n", 1)[1].replace("title:", "titel:", 1))
    assert schema_line_problems(rel) == [f"data/{rel} must start with the line:\n{schemas.schema_comment(rel)}"]
    assert any("titel" in p or "title" in p for p in schema_fit_problems(rel))


def test_json_schema_rejects_what_the_model_rejects():
    exercise = validator("exercise.json")
    good = {
        "title": "Cat",
        "summary": "Round the back.",
        "sources": ["back-pain"],
        "reviewed": "2026-01-31",
        "position": "all-fours",
        "start": "Kneel.",
        "steps": ["Round your back."],
        "key_step": 1,
    }
    assert not list(exercise.iter_errors(good))
    assert list(exercise.iter_errors({**good, "colour": "red"})), "unknown fields are errors"
    assert list(exercise.iter_errors({**good, "reviewed": "2026-02-31"})), "impossible dates are errors"
    assert list(exercise.iter_errors({**good, "position": "All Fours"})), "ids are kebab-case"
    assert list(exercise.iter_errors({**good, "steps": []})), "at least one step"
    assert list(exercise.iter_errors({**good, "key_step": 0})), "steps count from 1"
    assert list(exercise.iter_errors({k: v for k, v in good.items() if k != "key_step"})), "key_step is required"
    assert list(exercise.iter_errors({k: v for k, v in good.items() if k != "title"})), "title is required"


# The scaffold.


def run_new_item(*args, root: Path):
    return subprocess.run(
        [sys.executable, "-m", "lumbar", "new", *args, "--root", str(root)], cwd=ROOT, capture_output=True, text=True
    )


def fill_required(value):
    """What a contributor does: write something wherever the scaffold left an empty string."""
    if value == "":
        return "filled-in"
    if isinstance(value, list):
        return [fill_required(v) for v in value]
    if isinstance(value, dict):
        return {k: fill_required(v) for k, v in value.items()}
    return value


def all_fields(model) -> set[str]:
    return set(model.model_fields)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_scaffold_creates_a_file_that_validates_once_filled(kind, tmp_path):
    name = kind[:-1]
    result = run_new_item(name, "my-new-item", root=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "data" / kind / "my-new-item.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../schema/{name}.json"

    content = load_yaml(text)
    assert isinstance(content, dict)
    assert yaml.safe_load(text) is not None

    model = KINDS[kind]
    for field in all_fields(model):
        assert f"\n{field}:" in text or f"\n# {field}:" in text, f"{field} is missing from the scaffold"
    for field, info in model.model_fields.items():
        if info.is_required():
            assert field in content, f"required field {field} must not be commented out"
    # Every field has a comment with its description just above it.
    for info in model.model_fields.values():
        if info.description:
            assert info.description.split(". ")[0][:40] in text

    with pytest.raises(pydantic.ValidationError):
        model.model_validate(content)  # empty required fields do not validate...
    filled = fill_required(content)
    model.model_validate(filled)  # ...and do once filled in
    errors = list(validator(f"{name}.json").iter_errors(json.loads(json.dumps(filled, default=str))))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_scaffold_with_the_real_data_parses(kind):
    text = scaffold.scaffold(kind[:-1], "some-new-id", today=date(2026, 1, 2))
    content = load_yaml(text)
    assert content["reviewed"] == "2026-01-02"
    KINDS[kind].model_validate(fill_required(content))


def test_scaffold_refuses_to_overwrite(tmp_path):
    assert run_new_item("exercise", "side-plank", root=tmp_path).returncode == 0
    path = tmp_path / "data" / "exercises" / "side-plank.yaml"
    path.write_text("mine\n")
    result = run_new_item("exercise", "side-plank", root=tmp_path)
    assert result.returncode != 0 and "already exists" in result.stderr
    assert path.read_text() == "mine\n"


@pytest.mark.parametrize("bad", ["Side-Plank", "side plank", "side_plank", "-side", "side-", "side--plank", "../x"])
def test_scaffold_refuses_an_id_that_is_not_kebab_case(bad, tmp_path):
    result = run_new_item("exercise", bad, root=tmp_path)
    assert result.returncode != 0
    assert bad.startswith("-") or "not a valid id" in result.stderr
    assert not (tmp_path / "data").exists()


def test_scaffold_refuses_an_unknown_kind(tmp_path):
    assert run_new_item("stretch", "x", root=tmp_path).returncode != 0


# Review due.


def review(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lumbar", "review-due", "--data", str(tmp_path / "data"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )


def write(tmp_path: Path, rel: str, text: str):
    path = tmp_path / "data" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_review_due_lists_overdue_and_soon_due(tmp_path):
    write(tmp_path, "exercises/old.yaml", "title: Old\nreviewed: 2025-01-10\n")
    write(tmp_path, "exercises/soon.yaml", "title: Soon\nreviewed: 2025-03-01\n")
    write(tmp_path, "routines/fresh.yaml", "title: Fresh\nreviewed: 2025-06-01\n")
    write(tmp_path, "conditions/edge.yaml", "title: Edge\nreviewed: '2025-04-01'\n")
    write(tmp_path, "sources.yaml", "article:\n  reviewed: 2020-01-01\nsources: []\n")
    result = review(tmp_path, "--today", "2026-01-31")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/exercises/old.yaml: reviewed 2025-01-10, due 2026-01-10 (overdue)",
        "data/exercises/soon.yaml: reviewed 2025-03-01, due 2026-03-01 (in 29 days)",
        "data/conditions/edge.yaml: reviewed 2025-04-01, due 2026-04-01 (in 60 days)",
    ]


def test_review_due_passes_when_all_are_current(tmp_path):
    write(tmp_path, "exercises/fresh.yaml", "title: Fresh\nreviewed: 2026-01-01\n")
    result = review(tmp_path, "--today", "2026-01-31")
    assert result.returncode == 0, result.stdout
    assert "data/exercises/fresh.yaml" not in result.stdout


def test_review_due_days_option(tmp_path):
    write(tmp_path, "exercises/a.yaml", "title: A\nreviewed: 2025-03-01\n")
    assert review(tmp_path, "--today", "2026-01-31", "--days", "10").returncode == 0
    assert review(tmp_path, "--today", "2026-01-31", "--days", "29").returncode == 1


def test_review_due_reports_a_bad_date(tmp_path):
    write(tmp_path, "exercises/a.yaml", "title: A\nreviewed: last spring\n")
    result = review(tmp_path, "--today", "2026-01-31")
    assert result.returncode == 1 and "data/exercises/a.yaml" in result.stderr


def test_review_due_in_github_actions_annotates(tmp_path):
    write(tmp_path, "exercises/old.yaml", "title: Old\nreviewed: 2020-01-10\n")
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "review-due", "--data", str(tmp_path / "data"), "--today", "2026-01-31"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1
    assert "::error file=data/exercises/old.yaml" in result.stdout
    assert "data/exercises/old.yaml" in summary.read_text()


def test_review_due_runs_on_the_real_data():
    result = subprocess.run(
        [sys.executable, "-m", "lumbar", "review-due", "--days", "0", "--today", "2000-01-01"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_a_review_lasts_twelve_months(day):
    due = review_due.add_months(day, 12)
    assert due.year == day.year + 1
    assert due.month == day.month
    assert due.day == day.day or (day.month, day.day, due.day) == (2, 29, 28)
    assert timedelta(days=365) <= due - day + timedelta(days=1) <= timedelta(days=367)


# The command line.


def test_the_command_line_lists_its_verbs_and_refuses_an_unknown_one():
    listed = subprocess.run([sys.executable, "-m", "lumbar", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert listed.returncode == 0
    for verb in ["check", "export", "schema", "new", "review-due"]:
        assert f"\n  {verb} " in listed.stdout, verb
    unknown = subprocess.run([sys.executable, "-m", "lumbar", "new-item"], cwd=ROOT, capture_output=True, text=True)
    assert unknown.returncode == 2 and "unknown verb 'new-item'" in unknown.stderr
