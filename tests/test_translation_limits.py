"""A translation that breaks a field's limit (a name over 120 characters) is a file/line/what-to-do problem from the
loader, not a traceback when the pages are made (issue 23)."""

from __future__ import annotations

import re
import shutil

import pytest

from lumbar.i18n.load import load_language
from lumbar.loader import DataError
from tests.conftest import ROOT


def test_a_translated_name_over_the_limit_names_its_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "i18n" / "es" / "exercises" / "cat.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("title:"))
    path.write_text(re.sub(r"^title: .*$", "title: " + "Gato " * 30, text, count=1, flags=re.M), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_language(data, "es")
    assert [str(p) for p in err.value.problems] == [
        f"data/i18n/es/exercises/cat.yaml:{line}: 'title': string should have at most 120 characters (got "
        f"'{('Gato ' * 30).strip()}') in this translation: shorten it"
    ]
    load_language(ROOT / "data", "es")  # the real translations meet the limits


def test_a_shared_list_entry_over_the_limit_names_its_own_line_and_id(tmp_path):
    """Shared lists' translations are keyed by id: the problem names the entry's line and id, not the line of the
    list and the entry's place in the English file."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "i18n" / "es" / "contraindications.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, t in enumerate(lines, 1) if t.startswith("  recent-spinal-injury:")) + 1
    assert lines[line - 1].startswith("    title:")
    lines[line - 1] = "    title: " + "Lesión " * 30
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_language(data, "es")
    assert [str(p) for p in err.value.problems] == [
        f"data/i18n/es/contraindications.yaml:{line}: 'contraindications.recent-spinal-injury.title': string should "
        f"have at most 120 characters (got '{('Lesión ' * 30).strip()}') in this translation: shorten it"
    ]
