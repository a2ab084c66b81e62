"""Button payloads: the web app passes well-formed ones and strips the slash from anything else."""

from __future__ import annotations

import pytest

from bot.payloads import faq_payload, language_payload, parse_payload, sanitise_user_message


def test_payloads_round_trip() -> None:
    assert parse_payload(faq_payload("cost")) == ("faq", {"topic": "cost"})
    assert parse_payload(language_payload("pl")) == ("change_language", {"language": "pl"})
    assert parse_payload("/greet") == ("greet", {})


@pytest.mark.parametrize(
    "text",
    [
        "/faq",  # a FAQ payload must name its topic
        '/faq{"topic":"parking"}',
        '/faq{"topic":"cost","service":"coventry"}',
        '/greet{"language":"pl"}',
        "/restart",
        "/session_start",
        '/change_language{"language":"xx"}',
        '/faq{"topic": <script>}',
    ],
)
def test_anything_else_is_not_a_payload(text: str) -> None:
    assert parse_payload(text) is None
    assert not sanitise_user_message(text).startswith("/")


def test_plain_text_is_kept() -> None:
    assert sanitise_user_message("  is it free?  ") == "is it free?"
    assert sanitise_user_message(faq_payload("cost")) == faq_payload("cost")
