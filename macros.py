"""mkdocs-macros entry point: registers the handbook's functions (they live in lumbar/macros.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lumbar.macros import define_env  # noqa: F401
