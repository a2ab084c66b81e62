"""Urgent concerns are recognised by simple rules in every catalog language, at any turn."""

from __future__ import annotations

import pytest

from bot.languages import supported_languages
from bot.urgent import is_urgent, urgent_rule_languages


@pytest.mark.parametrize(
    "text",
    [
        "my baby isnt breathing",
        "HELP he has stopped breathing",
        "she's having a seizure and it won't stop",
        "my toddler swallowed some tablets",
        "he fell and won't wake up",
        "my partner hits our son",
        "I think my daughter is being abused",
        "my child is in danger",
        "Mój syn przestał oddychać!",
        "corka nie oddycha",
        "dziecko jest nieprzytomne",
        "mąż bije nasze dziecko",
        "połknęła tabletki",
    ],
)
def test_emergencies_are_recognised(text: str) -> None:
    assert is_urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        "is portage free",
        "is my child safe with the portage worker, are they dbs checked",
        "my son has epilepsy, can he still get portage",
        "do you support children in danger of falling behind",
        "he hits his head when he is frustrated, is that something portage helps with",
        "czy portage jest bezpłatne",
        "czy pracownik ma sprawdzenie DBS",
    ],
)
def test_ordinary_questions_are_not_emergencies(text: str) -> None:
    assert not is_urgent(text)


def test_every_catalog_language_has_rules() -> None:
    assert set(supported_languages()) <= set(urgent_rule_languages())
