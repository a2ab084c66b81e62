"""Builds the family summary from a conversation's screening answers.

The summary is computed again from the answers each time it is asked for, so nothing is stored to
produce it. A family's own language comes first; an English copy follows so that a health visitor
can read it too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.contact import contact_lines
from bot.i18n import Translator
from bot.languages import SOURCE_LANGUAGE, known_languages
from bot.profile_schema import ServiceProfile
from bot.screening.answers import ScreeningAnswers
from bot.screening.dialogue import describe
from bot.screening.questions import BY_SLOT, NoScreeningAnswers, asked_answers
from bot.screening.result import headline, screen

__all__ = ["NoScreeningAnswers", "SummaryCopy", "build_summary"]


@dataclass(frozen=True)
class SummaryCopy:
    """One language's copy of the summary, every text already translated."""

    language: str
    language_name: str  # the language's own name, e.g. "Polski"
    direction: str  # "ltr" or "rtl"
    title: str
    service: str
    date: str
    intro: str
    answers_heading: str
    answers: list[tuple[str, str]]  # (question, answer in words)
    outcome_heading: str
    headline: str
    reasons_heading: str
    reasons: list[str]
    next_steps_heading: str
    next_steps: list[str]
    contact_heading: str
    contact: list[str]
    decision_note: str
    footer: str


def build_summary(
    profile: ServiceProfile, slots: dict[str, Any], language: str, today: dt.date
) -> list[SummaryCopy]:
    """The family's copy, then an English copy unless the family's language is English."""
    answered, answers = asked_answers(profile.eligibility, slots, profile.id)
    languages = [language] if language == SOURCE_LANGUAGE else [language, SOURCE_LANGUAGE]
    return [_copy(profile, answered, answers, code, today) for code in languages]


def _copy(
    profile: ServiceProfile,
    answered: dict[str, Any],
    answers: ScreeningAnswers,
    language: str,
    today: dt.date,
) -> SummaryCopy:
    t = Translator(language)
    result = screen(answers, profile, t)
    info = known_languages()[language]
    return SummaryCopy(
        language=language,
        language_name=info.native_name,
        direction=info.direction,
        title=t._("Portage: a summary of your answers"),
        service=profile.name,
        # TRANSLATORS: {date} is a date such as "23 November 2026".
        date=t._("Made on {date}", date=t.date(today)),
        intro=t._(
            "This summary is for you to keep, and to show your health visitor or the Portage "
            "service if you wish."
        ),
        answers_heading=t._("Your answers"),
        answers=[
            (t._(BY_SLOT[slot].label), describe(BY_SLOT[slot], value, t))
            for slot, value in answered.items()
            if BY_SLOT[slot].kind != "consent"
        ],
        outcome_heading=t._("What your answers suggest"),
        headline=headline(result.outcome, t),
        reasons_heading=t._("Why:"),
        reasons=result.reasons,
        next_steps_heading=t._("What you can do next:"),
        next_steps=result.next_steps,
        contact_heading=t._("How to contact the service"),
        contact=[line for block in contact_lines(profile, t) for line in block.splitlines()],
        decision_note=result.decision_note,
        # TRANSLATORS: {language} is the language's own name, e.g. "Polski".
        footer=t._(
            "This summary was produced in {language} by an automated assistant.",
            language=info.native_name,
        ),
    )
