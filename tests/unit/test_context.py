"""A conversation's service and language, chosen from what the web app sends each turn."""

from __future__ import annotations

import pytest

from bot.context import UnsupportedLanguage, choose_language, choose_service
from bot.profiles import UnknownService


def test_the_message_service_wins_then_the_conversation_then_the_default(monkeypatch) -> None:
    monkeypatch.setenv("PORTAGE_SERVICE", "hampshire")
    assert choose_service("coventry", "dcts") == "coventry"
    assert choose_service(None, "dcts") == "dcts"
    assert choose_service(None, None) == "hampshire"


def test_an_unknown_service_is_never_replaced_by_the_default() -> None:
    with pytest.raises(UnknownService):
        choose_service("atlantis", "hampshire")


def test_a_newly_picked_language_wins() -> None:
    assert choose_language("pl", "en", "en") == "pl"


def test_a_language_changed_in_the_chat_survives_the_widget_repeating_itself() -> None:
    # The family said "po polsku" while the widget kept sending "en".
    assert choose_language("en", "en", "pl") == "pl"


def test_defaults_and_errors() -> None:
    assert choose_language(None, None, None) == "en"
    assert choose_language("pl", None, None) == "pl"
    with pytest.raises(UnsupportedLanguage, match="supported: en"):
        choose_language("xx", None, None)
