"""Actions, run as Rasa runs them: a Tracker built from a dict and a CollectingDispatcher."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.faq import ActionAnswerFaq
from actions.language import ActionChangeLanguage
from actions.replies import ActionGreet, ActionUrgentConcern, ReplyAction
from actions.session import ActionSessionStart
from bot.languages import known_languages, supported_languages
from bot.profiles import UnknownService
from bot.replies import CONTROL_KEY


def tracker(
    text: str = "hello",
    intent: str = "greet",
    metadata: dict | None = None,
    slots: dict | None = None,
    entities: list | None = None,
    topic: str | None = None,
) -> Tracker:
    message: dict[str, Any] = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99},
        "entities": entities or [],
        "metadata": metadata or {},
    }
    if topic:
        message["response_selector"] = {
            "faq": {"response": {"intent_response_key": f"faq/{topic}", "confidence": 0.9}}
        }
    return Tracker.from_dict(
        {
            "sender_id": "test-sender-0001",
            "slots": {"service": None, "language": None, "client_language": None, **(slots or {})},
            "latest_message": message,
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def run(action, state: Tracker) -> tuple[list[dict], list[dict], dict]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, {}))
    shown = [m for m in dispatcher.messages if not m.get("custom")]
    controls = [m["custom"][CONTROL_KEY] for m in dispatcher.messages if m.get("custom")]
    return shown, events, controls[-1] if controls else {}


def slot_events(events: list[dict]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_faq_answer_is_for_the_service_in_the_metadata() -> None:
    shown, events, control = run(
        ActionAnswerFaq(),
        tracker(
            "where do you see us",
            "faq",
            {"service": "buckinghamshire", "language": "en"},
            topic="where_sessions_happen",
        ),
    )
    assert shown[0]["text"] == "Portage sessions happen at your home only."
    assert shown[-1]["buttons"], "the answer ends with a next step"
    assert slot_events(events)["service"] == "buckinghamshire"
    assert control == {"language": "en", "service": "buckinghamshire"}


def test_the_same_question_gets_another_services_own_answer() -> None:
    shown, _, _ = run(
        ActionAnswerFaq(),
        tracker("where", "faq", {"service": "hampshire"}, topic="where_sessions_happen"),
    )
    assert "at your home or in your child's early years setting" in shown[0]["text"]


def test_a_topic_button_wins_over_the_response_selector() -> None:
    shown, _, _ = run(
        ActionAnswerFaq(),
        tracker(
            '/faq{"topic":"cost"}',
            "faq",
            {"service": "hampshire"},
            entities=[{"entity": "topic", "value": "cost"}],
            topic="groups",
        ),
    )
    assert shown[0]["text"].startswith("Portage is free")


def test_no_topic_falls_back_to_asking_again() -> None:
    shown, _, _ = run(ActionAnswerFaq(), tracker("?", "faq", {"service": "hampshire"}))
    assert "say it another way" in shown[0]["text"]


def test_the_answer_is_in_polish_when_the_widget_asks_for_polish() -> None:
    shown, events, control = run(
        ActionAnswerFaq(),
        tracker("ile to kosztuje", "faq", {"service": "hampshire", "language": "pl"}, topic="cost"),
    )
    assert "bezpłat" in shown[0]["text"].lower()
    assert slot_events(events) == {
        "service": "hampshire",
        "language": "pl",
        "client_language": "pl",
    }
    assert control["language"] == "pl"


def test_without_metadata_the_conversation_keeps_its_slots() -> None:
    shown, events, control = run(
        ActionGreet(), tracker(slots={"service": "coventry", "language": "pl"})
    )
    assert "Coventry" in shown[0]["text"] and events == []
    assert control == {"language": "pl", "service": "coventry"}


def test_an_unknown_service_is_an_error() -> None:
    with pytest.raises(UnknownService):
        run(ActionGreet(), tracker(metadata={"service": "atlantis"}))


def test_session_start_sets_service_and_language_from_the_first_message() -> None:
    state = tracker(slots={"session_started_metadata": {"service": "dcts", "language": "pl"}})
    state.latest_message = {}
    _, events, _ = run(ActionSessionStart(), state)
    assert events[0]["event"] == "session_started"
    assert (events[-1]["event"], events[-1]["name"]) == ("action", "action_listen")
    assert slot_events(events)["service"] == "dcts" and slot_events(events)["language"] == "pl"


def test_asking_for_polish_switches_and_confirms_in_polish() -> None:
    shown, events, control = run(
        ActionChangeLanguage(),
        tracker(
            "can we speak polish",
            "change_language",
            {"service": "hampshire", "language": "en"},
            slots={"client_language": "en", "language": "en"},
        ),
    )
    assert "po polsku" in shown[0]["text"]
    assert slot_events(events)["language"] == "pl"
    assert control["language"] == "pl"


def test_a_language_button_switches_too() -> None:
    shown, events, _ = run(
        ActionChangeLanguage(),
        tracker(
            '/change_language{"language":"en"}',
            "change_language",
            slots={"service": "hampshire", "language": "pl", "client_language": "pl"},
            entities=[{"entity": "language", "value": "en"}],
        ),
    )
    assert shown[0]["text"] == "OK, I will write in English from now on."
    assert slot_events(events)["language"] == "en"


def test_a_language_not_yet_available_is_explained_with_choices(monkeypatch) -> None:
    # Every language the assistant knows now has a catalog: pretend Somali's is not there yet.
    monkeypatch.setattr("actions.language.is_supported", lambda code: code != "so")
    shown, events, _ = run(
        ActionChangeLanguage(),
        tracker("can you speak somali", "change_language", {"service": "hampshire"}),
    )
    assert "Soomaali" in shown[0]["text"]
    offered = [known_languages()[code].native_name for code in supported_languages()]
    assert [b["title"] for b in shown[0]["buttons"]] == offered  # the buttons list what exists
    assert slot_events(events).get("language") == "en"


def test_urgent_concern_action_gives_emergency_numbers() -> None:
    shown, _, _ = run(
        ActionUrgentConcern(), tracker("help", "urgent_concern", {"service": "hampshire"})
    )
    texts = " ".join(m["text"] for m in shown)
    assert "999" in texts and "0300 555 1384" in texts


def test_every_action_in_the_domain_is_implemented() -> None:
    domain_actions: set[str] = set()
    for path in Path("bot/domain").glob("*.yml"):
        domain_actions |= set(yaml.safe_load(path.read_text(encoding="utf-8")).get("actions") or [])
    executor = ActionExecutor()
    executor.register_package("actions")
    assert domain_actions == set(executor.actions)


def test_every_reply_action_has_a_distinct_name() -> None:
    names = [cls().name() for cls in ReplyAction.__subclasses__()]
    assert len(names) == len(set(names))
    assert all(name.startswith("action_") for name in names)
