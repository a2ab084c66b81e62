"""Languages: which ones a family can choose, and recognising a request to switch."""

from __future__ import annotations

import pytest

from bot.languages import (
    browser_language,
    known_languages,
    requested_language,
    supported_languages,
)
from bot.text import fold


def test_english_and_polish_are_supported() -> None:
    assert supported_languages()[:1] == ("en",)
    assert "pl" in supported_languages()


def test_every_issue_language_is_known_with_its_own_name_and_direction() -> None:
    languages = known_languages()
    assert set(languages) == {"en", "pl", "ro", "pa", "ur", "pt", "es", "ar", "bn", "gu", "so"}
    assert {code for code, lang in languages.items() if lang.is_rtl} == {"ar", "ur"}
    assert languages["pa"].native_name == "ਪੰਜਾਬੀ"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("can we speak Polish please", "pl"),
        ("po polsku proszę", "pl"),
        ("po polsku prosze", "pl"),
        ("Czy możemy rozmawiać po angielsku?", "en"),
        ("in English please", "en"),
        ("do you speak urdu", "ur"),
        ("اردو میں بات کریں", "ur"),
        ("¿Hablas español?", "es"),
        ("mówisz po rumuńsku?", "ro"),
        ("can you write in arabic", "ar"),
        ("bangla te kotha bolte parben", "bn"),
        ("af soomaali", "so"),
        ("I don't read English well, Polish please", "pl"),
    ],
)
def test_a_request_to_switch_names_the_language(text: str, code: str) -> None:
    found = requested_language(text)
    assert found is not None and found.code == code


@pytest.mark.parametrize("text", ["change language", "is portage free", "another language please"])
def test_no_language_named(text: str) -> None:
    assert requested_language(text) is None


def test_folding_ignores_latin_accents_and_case() -> None:
    assert fold("PRZESTAŁ Oddychać") == fold("przestal oddychac")
    assert fold("Español") == "espanol"
    assert fold("اردو") == "اردو"


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("pl-PL,pl;q=0.9,en-GB;q=0.8", "pl"),
        ("pt-BR", "pt"),
        ("pa-Guru-IN,en;q=0.5", "pa"),
        ("de-DE,de;q=0.9,ar;q=0.8,en;q=0.7", "ar"),  # German is not offered: the next choice wins
        ("en;q=0.4,ro;q=0.6", "ro"),  # by quality, not by order
        ("ur;q=0,bn", "bn"),  # q=0 means "not this one"
        ("fr-FR,de", "en"),
        ("", "en"),
        (None, "en"),
        ("<script>;q=1,,;;q=abc,so", "so"),  # malformed entries are skipped
    ],
)
def test_the_browser_language_is_the_best_supported_one(header: str | None, code: str) -> None:
    assert browser_language(header) == code
