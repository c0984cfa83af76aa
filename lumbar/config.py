"""mkdocs.yml, read in one place: every command (stage, build, serve, Zensical, the site check) starts from
`site_config()`, a fresh copy of the same reading. MkDocs' own tags (!ENV, !relative) are not used in it: a
tagged value reads as null here."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


@functools.lru_cache(maxsize=8)
def _read(path: str, mtime: int) -> dict:
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present
    loader = type("Loader", (base,), {})
    loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader) or {}


def site_config(path: Path = CONFIG) -> dict:
    """The settings as mkdocs.yml gives them (a copy the caller may change)."""
    return copy.deepcopy(_read(str(path), path.stat().st_mtime_ns))
