"""The GitHub workflows and the contributor files: valid, hardened, and doing what the handbook needs."""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.y*ml") if p.stem != "config")
BIN = Path(sys.executable).parent
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(\.\d+)*\s*$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return on or {}


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def uses(job: dict, action: str) -> list[dict]:
    return [s for s in steps(job) if str(s.get("uses", "")).split("@")[0] == action]


def runs(job: dict) -> str:
    return "\n".join(str(s.get("run", "")) for s in steps(job))


def all_jobs() -> list[tuple[str, str, dict]]:
    return [(wf.name, name, job) for wf in WORKFLOWS for name, job in load(wf)["jobs"].items()]


def jobs_using(action: str) -> list[tuple[str, str, dict]]:
    return [(wf, name, job) for wf, name, job in all_jobs() if uses(job, action)]


def check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_files_are_there():
    assert WORKFLOWS and FORMS
    for name in ["dependabot.yml", "CODEOWNERS", "pull_request_template.md", "ISSUE_TEMPLATE/config.yml"]:
        assert (GITHUB / name).is_file(), name


# Valid against GitHub's schemas, and clean under zizmor. Both offline.


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
    ids=["workflows", "dependabot", "issue-forms", "issue-config"],
)
def test_valid_against_github_schema(schema, files):
    result = check_jsonschema(schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", "--color", "never", str(GITHUB)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout, result.stdout


# Hardened.


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        if re.search(r"uses:\s*\./", line):  # an action in this repository
            continue
        assert SHA_PIN.match(line), f"pin to a full commit SHA with its version in a comment: {line.strip()}"
    # No `uses:` escapes the line check (flow style, odd spacing).
    workflow = load(path)
    found = sum(1 for job in workflow["jobs"].values() for s in steps(job) if "uses" in s)
    found += sum(1 for job in workflow["jobs"].values() if "uses" in job)
    assert found == len(lines)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hardened(path):
    workflow = load(path)
    text = path.read_text(encoding="utf-8")
    assert workflow.get("permissions") == {"contents": "read"}, "top-level permissions: contents: read"
    assert "pull_request_target" not in triggers(workflow) and "pull_request_target" not in text
    assert "workflow_run" not in triggers(workflow)
    assert workflow.get("concurrency", {}).get("group"), "set a concurrency group"
    assert "secrets." not in text, "the workflows need no secrets"
    for name, job in workflow["jobs"].items():
        assert job.get("timeout-minutes"), f"{name}: set timeout-minutes"
        for step in uses(job, "actions/checkout"):
            assert step.get("with", {}).get("persist-credentials") is False, f"{name}: persist-credentials: false"


def test_only_the_deploy_job_may_write():
    for wf, name, job in all_jobs():
        permissions = job.get("permissions")
        if permissions is None:
            continue
        writes = {k for k, v in permissions.items() if v == "write"}
        if uses(job, "actions/deploy-pages"):
            assert permissions == {"pages": "write", "id-token": "write"}, f"{wf}:{name}"
        else:
            assert not writes, f"{wf}:{name} asks to write {writes}"


def test_pip_cache_is_keyed_on_the_lock_files():
    cached = [
        (wf, name, s)
        for wf, name, job in all_jobs()
        for s in uses(job, "actions/setup-python")
        if s.get("with", {}).get("cache")
    ]
    assert cached
    for wf, name, step in cached:
        assert step["with"]["cache"] == "pip"
        assert "requirements/" in step["with"].get("cache-dependency-path", ""), f"{wf}:{name}"


# Doing what the handbook needs.


def test_every_pull_request_and_push_runs_make_test():
    ci = [(wf, name, job) for wf, name, job in all_jobs() if re.search(r"^make test$", runs(job), re.M)]
    assert ci, "a job runs `make test`"
    for wf, _, job in ci:
        on = triggers(load(GITHUB / "workflows" / wf))
        assert "pull_request" in on and "push" in on
        assert not (on.get("push") or {}).get("branches"), "every push, not only some branches"
        assert job.get("if") is None
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_main_is_built_then_deployed_to_pages_after_the_tests():
    [(wf, deploy_name, deploy)] = jobs_using("actions/deploy-pages")
    [(wf_build, build_name, build)] = jobs_using("actions/upload-pages-artifact")
    assert wf == wf_build, "build and deploy in one workflow, so deploy can wait for the build"
    workflow = load(GITHUB / "workflows" / wf)
    jobs = workflow["jobs"]
    needs = deploy.get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    test_jobs = [n for n, j in jobs.items() if re.search(r"^make test$", runs(j), re.M)]
    assert build_name in needs and test_jobs and set(test_jobs) <= set(needs), "deploy needs build and tests"
    assert "make build" in runs(build)
    assert uses(build, "actions/upload-pages-artifact")[0]["with"]["path"].rstrip("/") == "site"
    assert uses(build, "actions/configure-pages")
    assert deploy.get("environment", {}).get("name") == "github-pages"
    # Only main is published, and only from a push (or by hand), never from a pull request.
    condition = build.get("if", "") + deploy.get("if", "")
    assert "refs/heads/main" in condition and "pull_request" in condition
    assert "push" in triggers(workflow)


def test_weekly_review_due_check():
    scheduled = [wf for wf in WORKFLOWS if "schedule" in triggers(load(wf))]
    assert scheduled, "a workflow runs on a schedule"
    for wf in scheduled:
        crons = [entry["cron"] for entry in triggers(load(wf))["schedule"]]
        assert crons and all(
            len(c.split()) == 5 and c.split()[2:4] == ["*", "*"] and c.split()[4] != "*" for c in crons
        ), "weekly"
        commands = "\n".join(runs(job) for job in load(wf)["jobs"].values())
        assert "python -m lumbar review-due" in commands and "--days 60" in commands


def test_dependabot_keeps_actions_and_python_packages_current():
    config = load(GITHUB / "dependabot.yml")
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert {"github-actions", "pip"} <= set(ecosystems)
    assert ecosystems["pip"]["directory"].strip("/") in ("", "requirements")


# Issue forms, pull request template, code owners.


def form_ids(path: Path) -> set[str]:
    return {item["id"] for item in load(path)["body"] if "id" in item}


def test_inaccuracy_form_asks_for_page_problem_and_source():
    form = GITHUB / "ISSUE_TEMPLATE" / "inaccuracy.yml"
    assert {"page", "problem", "source"} <= form_ids(form)
    required = {i["id"] for i in load(form)["body"] if i.get("validations", {}).get("required")}
    assert {"page", "problem"} <= required


def test_exercise_form_exists():
    [form] = [f for f in FORMS if "exercise" in load(f)["name"].lower()]
    assert {"name", "steps", "source"} <= form_ids(form)


REPORT_LINK = re.compile(r"issues/new\?template=[^\"'\s>]+")


def report_links() -> list[str]:
    """The "report a problem" links the site's templates build."""
    found = []
    for folder in ["overrides", "lumbar", "docs"]:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".html", ".md", ".py", ".yml", ".yaml", ".j2"}:
                found += REPORT_LINK.findall(path.read_text(encoding="utf-8", errors="replace"))
    found += (
        REPORT_LINK.findall((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) if (ROOT / "mkdocs.yml").exists() else []
    )
    return found


def test_report_a_problem_links_open_a_form_that_exists():
    links = report_links()
    assert links, "no report-a-problem link in the templates"
    for link in links:
        query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
        [template] = query["template"]
        form = GITHUB / "ISSUE_TEMPLATE" / template
        assert form.is_file(), f"{link} opens {template}, which is not in .github/ISSUE_TEMPLATE/"
        standard = {"template", "title", "labels", "assignees", "projects", "milestone", "body"}
        for field in set(query) - standard:
            assert field in form_ids(form), f"{link} fills in {field}, which {template} does not have"


def test_pull_request_template_has_the_reviewer_checks():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8").lower()
    for check in ["source", "reviewed", "safety", "one page"]:
        assert check in text, check
    assert text.count("- [ ]") >= 4


def owners(path: str) -> list[str]:
    """The owners GitHub picks for a path: the last matching CODEOWNERS line."""
    result: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, *who = line.split()
        if pattern.endswith("/"):
            matched = ("/" + path).startswith(pattern if pattern.startswith("/") else "/" + pattern) or (
                not pattern.startswith("/") and f"/{pattern}" in "/" + path
            )
        elif pattern.startswith("/"):
            matched = fnmatch.fnmatch("/" + path, pattern)
        else:
            matched = fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern)
        if matched:
            result = who
    return result


@pytest.mark.parametrize(
    "path, team",
    [
        ("mkdocs.yml", "maintainers"),
        ("lumbar/model/items.py", "maintainers"),
        ("lumbar/templates/exercise.md", "maintainers"),
        ("overrides/main.html", "maintainers"),
        (".github/workflows/ci.yml", "maintainers"),
        ("requirements/docs.txt", "maintainers"),
        ("requirements/test.in", "maintainers"),
        ("Makefile", "maintainers"),
        ("data/exercises/cat.yaml", "clinical-reviewers"),
        ("data/sources.yaml", "clinical-reviewers"),
        ("docs/index.md", "clinical-reviewers"),
        ("macros.py", "maintainers"),
        ("lumbar/hooks.py", "maintainers"),
        ("docs/assets/javascripts/extra.js", "maintainers"),
        ("docs/overrides/partial.html", "maintainers"),
        ("docs/assets/images/new.svg", "maintainers"),
        ("data/exercises/helper.py", "maintainers"),
    ],
)
def test_code_owners(path, team):
    assert owners(path) == [f"@lumbar-handbook/{team}"]


# The contributor's guide.


def test_contributing_covers_the_contributor_path():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needed in [
        "Edit this page",
        "make serve",
        "python -m lumbar new",
        "One action per step",
        "Imperative",
        "Plain English",
        "clinical review",
        "reviewed",
        "<!-- fields:start -->",
        "<!-- fields:end -->",
        "yaml-language-server",
        "make schema",
    ]:
        assert needed.lower() in text.lower(), needed


def test_readme_links_contributing():
    readme = ROOT / "README.md"
    assert "CONTRIBUTING.md" in readme.read_text(encoding="utf-8")


def test_contributing_links_to_files_that_exist():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        assert (ROOT / target).exists(), f"CONTRIBUTING.md links to {target}, which does not exist"
