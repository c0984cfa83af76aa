"""Two builds of the same commit give the same bytes, the offline zips included."""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
from pathlib import Path

from lumbar.web import offline_zip
from tests.conftest import lumbar_build


def digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def build(out: Path, epoch: str) -> None:
    """What make build runs: stage, the strict build, the post-build passes, the offline zip."""
    result = lumbar_build(out, offline=True, env={"SOURCE_DATE_EPOCH": epoch}, languages=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_are_byte_identical(tmp_path):
    epoch = "1764547200"  # 2025-12-01
    build(tmp_path / "a", epoch)
    time.sleep(1.1)  # a second apart, so a file time that leaked into the output would show
    build(tmp_path / "b", epoch)
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert {offline_zip.zip_path(code) for code in ("en", "es", "ru")} <= a.keys()  # a zip per language
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_the_zip_ignores_file_times_and_modes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    folder = tmp_path / "copy"
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text("<p>home</p>")
    (folder / "sub" / "page.html").write_text("<p>page</p>")
    offline_zip.write_zip(folder, tmp_path / "one.zip")
    os.utime(folder / "index.html", (0, 2_000_000_000))
    (folder / "sub" / "page.html").chmod(0o600)
    offline_zip.write_zip(folder, tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as z:
        assert [i.filename for i in z.infolist()] == ["lumbar-handbook/index.html", "lumbar-handbook/sub/page.html"]
        assert {i.date_time for i in z.infolist()} == {(2025, 12, 1, 0, 0, 0)}
