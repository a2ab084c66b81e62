"""FAQ answers: every topic for every service in every language, true to the service's page."""

from __future__ import annotations

import re

import pytest

from bot.faq import NOT_ON_PAGE, answer_topic
from bot.i18n import Translator
from bot.next_steps import NEXT_STEP_AFTER
from bot.profiles import all_profiles, source_page_text
from bot.topics import FAQ_TOPICS

STRUCTURED_TOPICS = {
    "what_is_portage",
    "who_is_it_for",
    "diagnosis_needed",
    "where_sessions_happen",
    "how_to_refer",
    "areas_covered",
    "contact",
}


@pytest.mark.parametrize("topic", FAQ_TOPICS)
def test_every_topic_renders_fully_translated(topic, profile, language, strict_translator) -> None:
    t = strict_translator(language)
    reply = answer_topic(topic, profile, t)
    assert reply.messages and all(message.strip() for message in reply.messages)
    assert t.missing == [], f"untranslated in {language}: {t.missing}"
    for message in reply.messages:
        assert not re.search(r"\{\w*\}", message), f"unfilled placeholder: {message}"
    assert len(reply.buttons) == 1, "each answer ends with one next step"
    assert reply.buttons[0].payload.startswith("/")


@pytest.mark.parametrize("topic", FAQ_TOPICS)
def test_numbers_in_an_answer_come_from_the_page(topic, profile) -> None:
    """Never invent a number: every figure in an English answer appears on the service's page."""
    page_numbers = set(re.findall(r"\d+", source_page_text(profile)))
    text = " ".join(answer_topic(topic, profile, Translator("en")).messages)
    for number in re.findall(r"\d+", text):
        assert number in page_numbers, f"{number!r} in {topic} is not on {profile.id}'s page"


def test_silent_pages_say_so_and_give_the_contact() -> None:
    t = Translator("en")
    cost = answer_topic("cost", all_profiles()["buckinghamshire"], t).messages
    assert cost[0].startswith(NOT_ON_PAGE["cost"])
    assert any("01296 387 000" in message for message in cost)
    # A page with no phone number says how to reach the service instead of inventing one.
    waiting = " ".join(answer_topic("waiting_list", all_profiles()["coventry"], t).messages)
    assert "health visitor" in waiting and not re.search(r"\d{5}", waiting)


def test_topics_a_page_covers_are_answered_from_the_page() -> None:
    for profile in all_profiles().values():
        for topic in FAQ_TOPICS:
            messages = answer_topic(topic, profile, Translator("en")).messages
            silent = messages[0].startswith(NOT_ON_PAGE[topic])
            if topic in profile.faq and topic not in STRUCTURED_TOPICS:
                assert not silent, (profile.id, topic)
            if topic not in profile.faq and topic not in STRUCTURED_TOPICS:
                assert silent, (profile.id, topic)


def test_where_sessions_happen_is_each_services_own_answer() -> None:
    def answer(service: str) -> str:
        return answer_topic(
            "where_sessions_happen", all_profiles()[service], Translator("en")
        ).messages[0]

    assert answer("buckinghamshire") == "Portage sessions happen at your home only."
    assert "at your home or in your child's early years setting" in answer("hampshire")
    assert "children's centre" in answer("eyss")
    assert answer("dcts").startswith(NOT_ON_PAGE["where_sessions_happen"])


def test_referral_routes_follow_each_page() -> None:
    def answer(service: str) -> str:
        return " ".join(
            answer_topic("how_to_refer", all_profiles()[service], Translator("en")).messages
        )

    assert "You can refer your child yourself" in answer("hampshire")
    assert "Parents cannot refer their child themselves" in answer("coventry")
    assert "Early Help Hub referral form" in answer("dcts")
    assert "Portage Co-ordinator" in answer("buckinghamshire")


def test_polish_answers_are_polish(profile) -> None:
    english = answer_topic("who_is_it_for", profile, Translator("en")).messages
    polish = answer_topic("who_is_it_for", profile, Translator("pl")).messages
    assert len(english) == len(polish)
    assert all(en != pl for en, pl in zip(english, polish, strict=True))


def test_every_topic_has_a_next_step_and_a_silent_page_sentence() -> None:
    assert set(NEXT_STEP_AFTER) == set(FAQ_TOPICS) == set(NOT_ON_PAGE)


def test_unknown_topic_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown FAQ topic"):
        answer_topic("parking", all_profiles()["hampshire"], Translator("en"))
