"""The pinned requirements install on any machine: no index or path of the machine they were compiled on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MACHINE_LINE = re.compile(r"^\s*(--(extra-)?index-url|--find-links|-f\s|-i\s)|file:///|/opt/", re.M)


def machine_lines(text: str) -> list[str]:
    return [m.group(0).strip() for m in MACHINE_LINE.finditer(text)]


@pytest.mark.parametrize("name", ["docs.txt", "test.txt"])
def test_requirements_name_no_machine_index_or_path(name):
    text = (ROOT / "requirements" / name).read_text()
    assert not machine_lines(text), f"requirements/{name}: recompile with --no-emit-index-url --no-emit-find-links"


@pytest.mark.parametrize("name", ["docs.txt", "test.txt"])
def test_every_requirement_is_pinned_with_a_hash(name):
    blocks = re.split(r"\n(?=\S)", (ROOT / "requirements" / name).read_text())
    packages = [b for b in blocks if b and not b.startswith("#")]
    assert packages
    for block in packages:
        assert re.match(r"^[A-Za-z0-9_.\-]+==\S+ \\", block), block.splitlines()[0]
        assert "--hash=sha256:" in block, block.splitlines()[0]


def test_the_check_sees_a_machine_line():
    # The check above on a file as pip-compile writes it from this machine's pip configuration.
    assert machine_lines("--extra-index-url file:///opt/pypi/simple\n--find-links /opt/wheels\nsix==1.16.0 \\\n")


def _makefile_pip_env() -> dict[str, str]:
    found = re.findall(r"^export (PIP_\w+) \?= (\S+)$", (ROOT / "Makefile").read_text(), re.M)
    return dict(found)


@pytest.mark.parametrize("name", ["docs.txt", "test.txt", "zensical.txt"])
def test_make_installs_them_without_a_pip_warning(name):
    # What `make` runs, resolved without installing: a machine's extra indexes would warn for each package.
    import os
    import subprocess
    import sys

    pip_env = _makefile_pip_env()
    assert "PIP_CONFIG_FILE" in pip_env, "the Makefile no longer chooses pip's configuration"
    cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--require-hashes", "--no-deps"]
    cmd += ["--ignore-installed", "-r", str(ROOT / "requirements" / name)]
    out = subprocess.run(cmd, env={**os.environ, **pip_env}, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "WARNING" not in out.stdout + out.stderr, (out.stdout + out.stderr)[:2000]
