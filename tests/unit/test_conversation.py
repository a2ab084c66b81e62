"""The conversational replies: honest about being automated, a person one step away, 999 at once."""

from __future__ import annotations

import inspect

import pytest

from bot import conversation
from bot.i18n import Translator
from bot.languages import Language, known_languages, supported_languages
from bot.profiles import all_profiles
from bot.replies import Reply

PROFILE_REPLIES = [
    name
    for name, function in inspect.getmembers(conversation, inspect.isfunction)
    if function.__module__ == conversation.__name__
    and list(inspect.signature(function).parameters) == ["profile", "t"]
]


def test_the_reply_list_covers_the_basics() -> None:
    assert {
        "greet",
        "goodbye",
        "thank",
        "bot_challenge",
        "human_handoff",
        "out_of_scope",
        "fallback",
        "urgent_concern",
        "ask_language",
    } <= set(PROFILE_REPLIES)


@pytest.mark.parametrize("name", PROFILE_REPLIES)
def test_every_reply_is_translated(name, profile, language, strict_translator) -> None:
    t = strict_translator(language)
    reply: Reply = getattr(conversation, name)(profile, t)
    assert reply.messages
    assert t.missing == []


def text(reply: Reply) -> str:
    return "\n".join(reply.messages)


def test_greeting_offers_a_menu_and_asks_for_no_personal_details(profile) -> None:
    reply = conversation.greet(profile, Translator("en"))
    assert profile.name in text(reply)
    assert "automated assistant" in text(reply)
    assert "personal details" in text(reply)
    payloads = [button.payload for button in reply.buttons]
    assert "/start_screening" in payloads and "/human_handoff" in payloads
    assert len(reply.buttons) >= 4


def test_bot_challenge_says_plainly_it_is_not_a_person(profile) -> None:
    assert "I am not a person" in text(conversation.bot_challenge(profile, Translator("en")))


def test_human_handoff_gives_the_services_own_contact() -> None:
    profiles = all_profiles()
    assert "01962 847070" in text(
        conversation.human_handoff(profiles["hampshire"], Translator("en"))
    )
    assert "01296 387 000" in text(
        conversation.human_handoff(profiles["buckinghamshire"], Translator("en"))
    )
    assert "Early Help Hub" in text(conversation.human_handoff(profiles["dcts"], Translator("en")))


def test_urgent_concern_gives_999_111_and_the_safeguarding_route(profile, language) -> None:
    reply = text(conversation.urgent_concern(profile, Translator(language)))
    for number in ("999", "111", "0808 800 5000"):
        assert number in reply
    if profile.safeguarding:
        assert profile.safeguarding.phone in reply
    assert not reply.lower().count("confidential")


def test_out_of_scope_and_fallback_offer_topics_and_the_contact(profile) -> None:
    for reply in (
        conversation.out_of_scope(profile, Translator("en")),
        conversation.fallback(profile, Translator("en")),
    ):
        assert reply.buttons
        assert profile.contact.team in text(reply)
    assert "medical advice" in text(conversation.out_of_scope(profile, Translator("en")))


def test_language_switch_is_confirmed_in_the_new_language() -> None:
    profile = all_profiles()["hampshire"]
    assert "polsku" in text(conversation.language_changed(profile, Translator("pl")))
    klingon = Language("tlh", "Klingon", "tlhIngan Hol", "ltr", ("klingon",))
    unavailable = conversation.language_unavailable(klingon, Translator("en"))
    assert "tlhIngan Hol" in text(unavailable) and "Polski" in text(unavailable)
    offered = [known_languages()[code].native_name for code in supported_languages()]
    assert [b.title for b in unavailable.buttons] == offered


def test_deleting_tells_the_web_app_to_delete(profile) -> None:
    reply = conversation.conversation_deleted(profile, Translator("en"))
    assert reply.control == {"delete_conversation": True}
