"""The pregnancy routine customised in the builder (a physiotherapist's safety audit, issue 23): its printed sheet
carries the obstetric signs that mean stop and call, the emergency ones first, and never tells a pregnant reader
to ease off for cramping; any other routine's sheet prints the general stop line."""

from __future__ import annotations

import subprocess

from tests.test_builder import images_loaded, ready


def _sheet_text(page, server: str, routine: str, tmp_path) -> str:
    page.goto(server + f"routines/{routine}/")
    href = page.get_by_role("link", name="Customise this routine").get_attribute("href")
    ready(page, server + f"routines/{routine}/" + href)
    images_loaded(page)
    pdf = tmp_path / f"{routine}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace("\u00a0", " ").split())


def test_a_customised_pregnancy_routine_prints_the_pregnancy_warning_signs(page, server, tmp_path):
    text = _sheet_text(page, server, "pregnancy", tmp_path)
    assert "Stop and call the emergency number now: Chest pain; Heavy bleeding or passing clots;" in text, text
    assert "Stop and call your maternity unit or midwife now: Bleeding from the vagina;" in text
    assert "Stop and contact your midwife or doctor the same day:" in text
    assert "Cramping" not in text  # cramping in pregnancy is stop and call, not "ease off"
    assert text.index("emergency number now") < text.index("maternity unit or midwife now")


def test_another_customised_routine_prints_the_general_stop_line(page, server, tmp_path):
    text = _sheet_text(page, server, "back-pain", tmp_path)
    assert "Ease off, or stop for a while:" in text and "Cramping" in text, text
    assert "midwife" not in text
