"""The screening form's actions with rasa_sdk's Tracker and CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import (
    ActionChangeAnswer,
    ActionPrepareScreening,
    ActionScreeningResult,
    ActionScreeningReview,
    ValidateScreeningForm,
)
from bot.screening.questions import SLOTS

DOMAIN = {"forms": {"screening_form": {"required_slots": list(SLOTS)}}}


def tracker(
    text: str,
    intent: str = "inform",
    confidence: float = 0.9,
    requested: str | None = None,
    slots: dict | None = None,
    entities: list | None = None,
    metadata: dict | None = None,
) -> Tracker:
    all_slots: dict[str, Any] = {slot: None for slot in SLOTS}
    all_slots.update(
        {
            "service": "coventry",
            "language": "en",
            "requested_slot": requested,
            "screening_complete": None,
            **(slots or {}),
        }
    )
    return Tracker.from_dict(
        {
            "sender_id": "screening-test-01",
            "slots": all_slots,
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": confidence},
                "entities": entities or [],
                "metadata": metadata or {},
            },
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "screening_form"},
            "latest_action_name": "action_listen",
        }
    )


def run(action, state: Tracker) -> tuple[list[str], list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, DOMAIN))
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    buttons = [b for m in dispatcher.messages for b in (m.get("buttons") or [])]
    return texts, events, buttons


def slot_sets(events: list[dict]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_a_typed_age_is_understood_acknowledged_and_the_next_question_requested() -> None:
    texts, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            "she's 2 and a half", requested="child_age_months", slots={"screening_consent": "yes"}
        ),
    )
    sets = slot_sets(events)
    assert sets["child_age_months"] == 30
    assert sets["requested_slot"] == "delay_communication"
    assert any("2 years and 6 months" in text for text in texts)


def test_a_button_answer_is_taken_as_it_is() -> None:
    _, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            '/inform{"answer":"9"}',
            requested="delay_communication",
            slots={"screening_consent": "yes", "child_age_months": 24},
            entities=[{"entity": "answer", "value": "9"}],
        ),
    )
    assert slot_sets(events)["delay_communication"] == 9.0


def test_an_answer_not_understood_is_asked_again_with_a_hint() -> None:
    texts, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            "banana",
            intent="out_of_scope",
            requested="child_age_months",
            slots={"screening_consent": "yes"},
        ),
    )
    assert slot_sets(events)["child_age_months"] is None
    assert slot_sets(events)["requested_slot"] == "child_age_months"
    assert "did not understand" in texts[0] and "18 months" in texts[0]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("is it free?", "faq"),
        ("can I talk to a real person please", "human_handoff"),
        ("/urgent_concern", "urgent_concern"),
        ("stop", "stop"),
    ],
)
def test_a_digression_extracts_nothing_so_the_rules_take_over(text: str, intent: str) -> None:
    _, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            text, intent=intent, requested="child_age_months", slots={"screening_consent": "yes"}
        ),
    )
    assert "child_age_months" not in slot_sets(events)


def test_an_answer_that_looks_like_a_faq_is_still_an_answer() -> None:
    _, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            "about 6 months",
            intent="faq",
            confidence=0.7,
            requested="delay_communication",
            slots={"screening_consent": "yes", "child_age_months": 24},
        ),
    )
    assert slot_sets(events)["delay_communication"] == 6


def test_declining_at_the_start_ends_the_form() -> None:
    _, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            '/inform{"answer":"no"}',
            requested="screening_consent",
            entities=[{"entity": "answer", "value": "no"}],
        ),
    )
    assert slot_sets(events)["screening_consent"] == "no"
    assert slot_sets(events)["requested_slot"] is None


def test_polish_answers_in_a_polish_conversation() -> None:
    texts, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            "półtora roku",
            requested="child_age_months",
            slots={"screening_consent": "yes", "language": "pl"},
        ),
    )
    assert slot_sets(events)["child_age_months"] == 18
    assert "Dziękuję" in texts[0] or "dzięk" in texts[0].lower()


def completed(**extra) -> dict:
    return {
        "screening_consent": "yes",
        "child_age_months": 24,
        "delay_communication": 10,
        "delay_gross_motor": 0,
        "delay_fine_motor": 0,
        "delay_problem_solving": 10,
        "delay_personal_social": 0,
        "significant_physical_difficulty": "no",
        "significant_social_communication_difficulty": "no",
        "looked_after": "no",
        **extra,
    }


def test_the_review_lists_the_answers_with_change_buttons() -> None:
    texts, _, buttons = run(ActionScreeningReview(), tracker("", slots=completed()))
    assert "Age: 2 years" in texts[0]
    assert "Communication: About 10 months behind" in texts[0]
    payloads = [b["payload"] for b in buttons]
    assert payloads[0] == "/show_screening_result"
    assert '/change_answer{"question":"child_age_months"}' in payloads


def test_the_result_has_outcome_reasons_next_steps_and_the_decision_note() -> None:
    texts, events, _ = run(ActionScreeningResult(), tracker("", slots=completed()))
    joined = "\n".join(texts)
    assert texts[0].startswith("Your answers suggest that your child may meet")
    assert "9 months or more in two or more areas" in joined
    assert "Only the service can decide" in joined
    assert "health visitor" in joined  # Coventry's route: through a professional
    assert slot_sets(events)["screening_complete"] is True


def test_an_unlikely_result_signposts_the_health_visitor_and_the_local_offer() -> None:
    texts, _, buttons = run(
        ActionScreeningResult(),
        tracker("", slots=completed(delay_communication=0, delay_problem_solving=0)),
    )
    joined = "\n".join(texts)
    assert "probably does not meet" in joined
    assert "health visitor" in joined and "Local Offer" in joined
    assert "/human_handoff" in [b["payload"] for b in buttons]


def test_changing_an_answer_clears_it_and_what_depends_on_it() -> None:
    _, events, _ = run(
        ActionChangeAnswer(),
        tracker(
            '/change_answer{"question":"diagnosis"}',
            intent="change_answer",
            slots=completed(diagnosis="none"),
            entities=[{"entity": "question", "value": "diagnosis"}],
        ),
    )
    sets = slot_sets(events)
    assert sets["diagnosis"] is None and sets["condition_with_learning_difficulty"] is None


def test_a_finished_check_starts_afresh_and_a_paused_one_carries_on() -> None:
    _, events, _ = run(
        ActionPrepareScreening(),
        tracker("", intent="start_screening", slots=completed(screening_complete=True)),
    )
    assert slot_sets(events)["child_age_months"] is None
    texts, events, _ = run(
        ActionPrepareScreening(),
        tracker(
            "", intent="start_screening", slots={"screening_consent": "yes", "child_age_months": 20}
        ),
    )
    assert "carry on" in texts[0] and "child_age_months" not in slot_sets(events)


def test_not_sure_of_the_age_is_asked_again() -> None:
    texts, events, _ = run(
        ValidateScreeningForm(),
        tracker("not sure", requested="child_age_months", slots={"screening_consent": "yes"}),
    )
    assert slot_sets(events)["child_age_months"] is None
    assert "rough age is fine" in texts[0]


def test_an_unsure_guess_of_stop_does_not_swallow_a_clear_answer() -> None:
    _, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            "no",
            intent="stop",
            confidence=0.65,
            requested="delay_communication",
            slots={"screening_consent": "yes", "child_age_months": 24},
        ),
    )
    assert slot_sets(events)["delay_communication"] == 0


def test_a_confident_stop_leaves_the_form_even_after_an_answer_word() -> None:
    _, events, _ = run(
        ValidateScreeningForm(),
        tracker(
            "no stop asking me",
            intent="stop",
            confidence=0.95,
            requested="delay_communication",
            slots={"screening_consent": "yes", "child_age_months": 24},
        ),
    )
    assert "delay_communication" not in slot_sets(events)
