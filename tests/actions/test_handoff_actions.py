"""Sharing with a professional: consent first, a code on yes, nothing on no, all gone on delete."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import (
    ActionCreateHandoff,
    ActionDeclineHandoff,
    ActionDeleteMyData,
    ActionOfferHandoff,
    handoff_store,
)
from bot.handoff.codes import normalise
from bot.replies import CONTROL_KEY
from bot.screening.questions import SLOTS
from tests.unit.test_summary import SLOTS as ANSWERED

NOW = dt.datetime.now(dt.timezone.utc)


@pytest.fixture(autouse=True)
def store_env(tmp_path, monkeypatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'portage.db'}"
    monkeypatch.setenv("PORTAGE_DATABASE_URL", url)
    monkeypatch.setenv("PORTAGE_HANDOFF_SECRET", "action-tests-handoff-secret")
    monkeypatch.setenv("PORTAGE_HANDOFF_DAYS", "10")
    handoff_store.cache_clear()
    yield url
    handoff_store.cache_clear()


def tracker(answers: dict[str, Any] | None = None, language: str = "pl", **slots: Any) -> Tracker:
    values: dict[str, Any] = {slot: None for slot in SLOTS}
    values.update(answers or {})
    values.update({"service": "coventry", "language": language, "handoff_code": None, **slots})
    return Tracker.from_dict(
        {
            "sender_id": "handoff-test-0001",
            "slots": values,
            "latest_message": {"text": "", "intent": {"name": "affirm"}, "entities": []},
            "events": [],
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def run(action, state: Tracker) -> tuple[list[str], list[dict], dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, {}))
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    buttons = [b for m in dispatcher.messages for b in (m.get("buttons") or [])]
    controls = [m["custom"][CONTROL_KEY] for m in dispatcher.messages if m.get("custom")]
    return texts, buttons, controls[-1], events


def stored_rows(url: str) -> list[sa.engine.Row]:
    with sa.create_engine(url).connect() as connection:
        if not sa.inspect(connection).has_table("portage_handoffs"):
            return []
        return connection.execute(sa.text("SELECT * FROM portage_handoffs")).fetchall()


def test_the_offer_says_what_is_kept_who_sees_it_and_for_how_long(store_env) -> None:
    texts, buttons, _, _ = run(ActionOfferHandoff(), tracker(ANSWERED, language="en"))
    said = " ".join(texts)
    assert "your answers to the questions" in said
    assert "Coventry" in said and "sign in" in said
    assert "10 days" in said and "delete my data" in said
    assert [b["payload"] for b in buttons] == ["/affirm", "/deny"]
    assert stored_rows(store_env) == []


def test_without_answers_the_offer_leads_to_the_questions_first(store_env) -> None:
    _, buttons, _, _ = run(ActionOfferHandoff(), tracker())
    assert [b["payload"] for b in buttons] == ["/start_screening"]
    _texts, _, control, _events = run(ActionCreateHandoff(), tracker())
    assert "handoff" not in control and stored_rows(store_env) == []


def test_a_yes_makes_a_code_that_opens_the_answers_with_the_consent_record(store_env) -> None:
    texts, buttons, control, events = run(ActionCreateHandoff(), tracker(ANSWERED))
    code = control["handoff"]["code"]
    assert normalise(code) == code and code in texts[0]
    assert control["handoff"]["expires"] == (NOW + dt.timedelta(days=10)).date().isoformat()
    assert {"event": "slot", "name": "handoff_code", "value": code} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    assert buttons[-1]["payload"] == "/delete_my_data"
    handoff = handoff_store().find(code, NOW)
    assert handoff is not None
    assert (handoff.service, handoff.language) == ("coventry", "pl")
    assert handoff.slots["child_age_months"] == 26
    assert set(handoff.slots) <= set(SLOTS)
    consent = handoff.consent
    assert consent["language"] == "pl" and consent["days"] == 10
    assert "Coventry" in consent["wording_en"] and "sign in" in consent["wording_en"]
    assert consent["wording"] != consent["wording_en"]  # the Polish words the family read
    assert dt.datetime.fromisoformat(consent["given_at"]) <= dt.datetime.now(dt.timezone.utc)


def test_asking_again_replaces_the_earlier_code(store_env) -> None:
    _, _, first, _ = run(ActionCreateHandoff(), tracker(ANSWERED))
    earlier = first["handoff"]["code"]
    texts, _, second, _ = run(ActionCreateHandoff(), tracker(ANSWERED, handoff_code=earlier))
    assert second["handoff"]["code"] != earlier
    assert handoff_store().find(earlier, NOW) is None
    assert len(stored_rows(store_env)) == 1
    assert len(texts) == 3


def test_a_no_keeps_nothing(store_env) -> None:
    texts, _buttons, control, _events = run(ActionDeclineHandoff(), tracker(ANSWERED, "en"))
    assert "nothing has been kept" in texts[0]
    assert "handoff" not in control and stored_rows(store_env) == []


def test_delete_my_data_deletes_the_handoff_and_the_conversation(store_env) -> None:
    _, _, control, _ = run(ActionCreateHandoff(), tracker(ANSWERED))
    code = control["handoff"]["code"]
    _texts, _, control, _events = run(ActionDeleteMyData(), tracker(ANSWERED, handoff_code=code))
    assert control["delete_conversation"] is True
    assert stored_rows(store_env) == []
    assert handoff_store().find(code, NOW) is None


def test_without_a_store_the_family_is_told_no_code_was_made(monkeypatch) -> None:
    monkeypatch.delenv("PORTAGE_HANDOFF_SECRET")
    handoff_store.cache_clear()
    with pytest.raises(RuntimeError):
        handoff_store()
    texts, _, control, _events = run(ActionCreateHandoff(), tracker(ANSWERED, "en"))
    assert "cannot make a code" in texts[0] and "handoff" not in control


def test_the_offer_needs_no_store(monkeypatch) -> None:
    monkeypatch.delenv("PORTAGE_HANDOFF_SECRET")
    handoff_store.cache_clear()
    texts, buttons, _, _ = run(ActionOfferHandoff(), tracker(ANSWERED, language="en"))
    assert "10 days" in " ".join(texts)
    assert [b["payload"] for b in buttons] == ["/affirm", "/deny"]
