"""Typed answers to the screening questions, in every catalog language."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.languages import supported_languages
from bot.screening.parsing import parse_answer

TODAY = dt.date(2026, 11, 23)

AGES = {
    "en": [
        ("18 months", 18),
        ("2 years 3 months", 27),
        ("2 and a half", 30),
        ("two and a half years", 30),
        ("he's 2", 24),
        ("26", 26),
        ("18m", 18),
        ("a year and a half", 18),
        ("1.5 years", 18),
        ("20 month old", 20),
        ("2 yrs", 24),
        ("14/03/2024", 32.3),
        ("born 3 March 2024", 32.7),
        ("2024-03-14", 32.3),
    ],
    "pl": [
        ("18 miesięcy", 18),
        ("18 miesiecy", 18),
        ("2 lata i 3 miesiące", 27),
        ("półtora roku", 18),
        ("poltora roku", 18),
        ("1,5 roku", 18),
        ("dwa i pół roku", 30),
        ("roczek", 12),
        ("ma 2 latka", 24),
        ("urodzony 3 marca 2024", 32.7),
        ("14.03.2024", 32.3),
        ("synek ma 26 miesięcy", 26),
    ],
}


def test_every_catalog_language_has_age_cases() -> None:
    assert set(supported_languages()) <= set(AGES)


@pytest.mark.parametrize(
    ("language", "text", "months"),
    [(language, text, months) for language, cases in AGES.items() for text, months in cases],
)
def test_ages(language: str, text: str, months: float) -> None:
    assert parse_answer("age", text, language, TODAY) == pytest.approx(months, abs=0.1)


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "not sure"), ("en", "I don't know"), ("pl", "nie wiem"), ("pl", "nie jestem pewna")],
)
def test_not_sure_is_always_an_answer(language: str, text: str) -> None:
    assert parse_answer("age", text, language, TODAY) == "not_sure"
    assert parse_answer("delay", text, language, TODAY) == "not_sure"
    assert parse_answer("yes_no", text, language, TODAY) == "not_sure"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "she's a toddler"),
        ("en", "blue"),
        ("en", "31/02/2024"),
        ("pl", "nie rozumiem pytania?"),
    ],
)
def test_unclear_ages_are_not_guessed(language: str, text: str) -> None:
    assert parse_answer("age", text, language, TODAY) is None


def test_a_future_or_absurd_date_of_birth_is_refused() -> None:
    assert parse_answer("age", "01/01/2030", "en", TODAY) is None
    assert parse_answer("age", "01/01/1990", "en", TODAY) is None


@pytest.mark.parametrize(
    ("language", "text", "weeks"),
    [
        ("en", "born at 32 weeks", 8),
        ("en", "6 weeks early", 6),
        ("en", "no, on time", 0),
        ("en", "2 months early", 8.7),
        ("pl", "urodził się w 32 tygodniu", 8),
        ("pl", "8 tygodni za wcześnie", 8),
        ("pl", "nie, w terminie", 0),
    ],
)
def test_weeks_born_early(language: str, text: str, weeks: float) -> None:
    assert parse_answer("premature", text, language, TODAY) == pytest.approx(weeks, abs=0.1)


@pytest.mark.parametrize(
    ("language", "text", "months"),
    [
        ("en", "about 6 months", 6),
        ("en", "a year", 12),
        ("en", "half a year", 6),
        ("en", "no", 0),
        ("en", "no concerns", 0),
        ("pl", "pół roku", 6),
        ("pl", "około 4 miesięcy", 4),
        ("pl", "rok", 12),
        ("pl", "nie", 0),
    ],
)
def test_delays(language: str, text: str, months: float) -> None:
    assert parse_answer("delay", text, language, TODAY) == pytest.approx(months)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "yes he does", "yes"),
        ("en", "nope", "no"),
        ("en", "prefer not to say", "prefer_not_to_say"),
        ("pl", "tak", "yes"),
        ("pl", "nie chodzi", "no"),
        ("pl", "wolę nie mówić", "prefer_not_to_say"),
        ("pl", "no tak", "yes"),
    ],
)
def test_yes_no(language: str, text: str, expected: str) -> None:
    assert parse_answer("yes_no", text, language, TODAY) == expected


def test_other_kinds() -> None:
    assert parse_answer("diagnosis", "yes, Down syndrome", "en", TODAY) == "Down syndrome"
    assert parse_answer("diagnosis", "no", "en", TODAY) == "none"
    assert parse_answer("diagnosis", "zespół Downa", "pl", TODAY) == "zespół Downa"
    assert parse_answer("asq_areas", "communication and thinking", "en", TODAY) == [
        "communication",
        "problem_solving",
    ]
    assert parse_answer("asq_areas", "mowa i motoryka mała", "pl", TODAY) == [
        "communication",
        "fine_motor",
    ]
    assert parse_answer("sensory", "he is deaf and blind", "en", TODAY) == "both"
    assert parse_answer("sensory", "niedosłyszy", "pl", TODAY) == "hearing"
    assert parse_answer("consent", "nie teraz", "pl", TODAY) == "no"


def test_english_words_work_in_a_polish_conversation() -> None:
    assert parse_answer("age", "2 years", "pl", TODAY) == 24
    assert parse_answer("yes_no", "yes", "pl", TODAY) == "yes"
