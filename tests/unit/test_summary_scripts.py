"""The summary PDF in every catalog language: the script's Noto font embedded, the family's copy
laid out in its own direction (right to left for Arabic and Urdu), the English copy left to
right."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2 import Environment

from bot.languages import known_languages, supported_languages
from bot.profiles import get_profile
from bot.summary import build_summary
from tests.pdf_tools import pdf_fonts, pdf_text, pdf_words
from tests.unit.test_summary import SLOTS
from web_widget.documents import render_summary_html, render_summary_pdf, template_environment

TODAY = dt.date(2026, 11, 23)
# The Noto family each script needs (Latin-script languages need only Noto Sans).
SCRIPT_FONTS = {
    "ar": "Noto-Sans-Arabic",
    "ur": "Noto-Nastaliq-Urdu",
    "bn": "Noto-Sans-Bengali",
    "pa": "Noto-Sans-Gurmukhi",
    "gu": "Noto-Sans-Gujarati",
}
# Unicode bidi controls pdftotext puts around right-to-left runs.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))
FAMILY_LANGUAGES = [code for code in supported_languages() if code != "en"]


@pytest.fixture(scope="module")
def templates() -> Environment:
    return template_environment()


@pytest.mark.parametrize("language", FAMILY_LANGUAGES)
def test_each_script_is_embedded_and_each_copy_runs_in_its_direction(
    templates: Environment, language: str
) -> None:
    copies = build_summary(get_profile("hampshire"), SLOTS, language, TODAY)
    direction = known_languages()[language].direction
    html = render_summary_html(templates, copies, None)
    assert f'lang="{language}" dir="{direction}"' in html and 'lang="en" dir="ltr"' in html
    pdf = render_summary_pdf(templates, copies)
    fonts = pdf_fonts(pdf)
    assert all(embedded for _, embedded in fonts), fonts
    names = {name.split("+")[-1] for name, _ in fonts}
    assert SCRIPT_FONTS.get(language, "Noto-Sans") in names, names
    # The service line under each title: at the right margin in a right-to-left copy, at the
    # left margin in the English copy.
    words = pdf_words(pdf)
    english_title = next(i for i, w in enumerate(words) if w.text == "summary")
    family_line = next(w for w in words if w.text == "Hampshire")
    english_line = next(w for w in words[english_title:] if w.text == "Hampshire")
    assert english_line.x_min < 60
    if direction == "rtl":
        assert family_line.x_min > family_line.page_width / 2, family_line
    else:
        assert family_line.x_min < 60, family_line


def test_arabic_reads_back_from_the_pdf(templates: Environment) -> None:
    copies = build_summary(get_profile("hampshire"), SLOTS, "ar", TODAY)
    text = " ".join(
        pdf_text(render_summary_pdf(templates, copies)).translate(BIDI_CONTROLS).split()
    )
    for expected in ("ملخص إجاباتك", "إجاباتك", "العمر", "Portage: a summary of your answers"):
        assert expected in text, expected
    assert "01962 847070" in text
