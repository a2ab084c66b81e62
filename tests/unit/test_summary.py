"""The family summary: built from a conversation's answers, in the family's language and English."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2 import Environment

from bot.i18n import Translator
from bot.profiles import all_profiles, get_profile
from bot.screening.result import headline
from bot.summary import build_summary, render_text
from bot.summary.build import NoScreeningAnswers
from tests.pdf_tools import pdf_fonts, pdf_text
from web_widget.documents import render_summary_html, render_summary_pdf, template_environment

TODAY = dt.date(2026, 11, 23)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SLOTS = {
    "screening_consent": "yes",
    "child_age_months": 26,
    "weeks_premature": 0,
    "diagnosis": HOSTILE,
    "condition_with_learning_difficulty": "not_sure",
    "delay_communication": 12,
    "delay_gross_motor": 0,
    "delay_fine_motor": 0,
    "delay_problem_solving": 10,
    "delay_personal_social": 0,
    "asq_low_areas": ["communication"],
    "sensory_loss": "none",
    "significant_physical_difficulty": "no",
    "significant_social_communication_difficulty": "no",
    "attends_setting": "no",
    "funded_place": "no",
    "known_to_social_care": "prefer_not_to_say",
    "looked_after": "no",
}


@pytest.fixture(scope="module")
def templates() -> Environment:
    return template_environment()


@pytest.mark.parametrize("service", sorted(all_profiles()))
def test_english_summary_is_one_copy_with_outcome_and_contacts(service: str) -> None:
    (copy,) = build_summary(get_profile(service), SLOTS, "en", TODAY)
    assert copy.language == "en" and copy.direction == "ltr"
    assert copy.date == "Made on 23 November 2026"
    assert ("Age", "2 years and 2 months") in copy.answers
    outcomes = ("likely", "possible", "unlikely")
    assert copy.headline in {headline(outcome, Translator("en")) for outcome in outcomes}
    assert copy.reasons and copy.next_steps and copy.contact
    assert copy.decision_note.startswith("This is not a decision.")
    assert "English" in copy.footer


@pytest.mark.parametrize("service", sorted(all_profiles()))
def test_polish_summary_comes_with_an_english_copy(service: str) -> None:
    polish, english = build_summary(get_profile(service), SLOTS, "pl", TODAY)
    assert polish.language == "pl" and english.language == "en"
    assert polish.date == "Przygotowano 23 listopada 2026"
    assert polish.title == "Portage: podsumowanie Twoich odpowiedzi"
    assert "Polski" in polish.footer
    assert len(polish.answers) == len(english.answers)
    # The same result, in two languages.
    assert polish.headline != english.headline
    assert len(polish.reasons) == len(english.reasons)


def test_only_the_questions_the_service_needs_are_listed() -> None:
    (copy,) = build_summary(get_profile("coventry"), SLOTS, "en", TODAY)
    questions = [question for question, _ in copy.answers]
    assert len(questions) == len(set(questions))
    assert "Consent" not in " ".join(questions)


def test_without_an_age_there_is_no_summary() -> None:
    with pytest.raises(NoScreeningAnswers):
        build_summary(get_profile("hampshire"), {"screening_consent": "yes"}, "en", TODAY)


def test_plain_text_has_both_copies_in_order() -> None:
    text = render_text(build_summary(get_profile("hampshire"), SLOTS, "pl", TODAY))
    assert text.index("Portage: podsumowanie") < text.index("Portage: a summary of your answers")
    assert "01962 847070" in text
    assert text.count("This is not a decision.") == 1


def test_html_escapes_what_a_family_typed(templates: Environment) -> None:
    copies = build_summary(get_profile("buckinghamshire"), SLOTS, "en", TODAY)
    html = render_summary_html(templates, copies, "/static/summary.css")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'lang="en" dir="ltr"' in html


def test_pdf_in_polish_and_english_reads_back_with_embedded_fonts(templates: Environment) -> None:
    copies = build_summary(get_profile("buckinghamshire"), SLOTS, "pl", TODAY)
    pdf = render_summary_pdf(templates, copies)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for expected in (
        "Portage: podsumowanie Twoich odpowiedzi",
        "Przygotowano 23 listopada 2026",
        copies[0].headline.split(".")[0],
        "Portage: a summary of your answers",
        "This is not a decision.",
        "01296 387 000",
    ):
        assert expected in " ".join(text.split()), expected
    # Typed markup stays text: it is printed, not interpreted.
    assert "<script>" in text
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("Noto" in name for name, _ in fonts)
