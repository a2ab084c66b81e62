"""The screening form's hands: reading answers, asking questions, the review and the result.

Everything the family reads comes from bot/screening/; this module only moves slots and messages.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import conversation, entity_value
from actions.dispatch import send
from bot.screening import dialogue
from bot.screening.parsing import parse_answer
from bot.screening.questions import (
    AREA_NAMES,
    BY_SLOT,
    NOT_SURE,
    SLOTS,
    answered_slots,
    relevant_slots,
)

REQUESTED_SLOT = "requested_slot"
COMPLETE_SLOT = "screening_complete"
NOT_UNDERSTOOD = "__not_understood__"
# Intents that always leave the current question (the rules then handle them).
LEAVING = {
    "urgent_concern",
    "stop",
    "delete_my_data",
    "restart_screening",
    "show_screening_result",
    "change_answer",
    "start_screening",
}
# Intents that leave it only when the message is not an answer, or is plainly a question.
DIGRESSIONS = {"faq", "human_handoff", "bot_challenge", "change_language"}
DIGRESSION_CONFIDENCE = 0.6
# Above this the model is sure enough that leaving (stop, urgent concern) wins over an answer.
SURE_CONFIDENCE = 0.8
# Answers that change which later questions apply: changing one clears the other.
DEPENDENT_SLOTS = {
    "diagnosis": ["condition_with_learning_difficulty"],
    "attends_setting": ["funded_place"],
}


def screening_slots(tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in SLOTS}


def asked_slots(tracker: Tracker) -> list[str]:
    context = conversation(tracker)
    return relevant_slots(context.profile.eligibility, screening_slots(tracker), context.profile.id)


def _intent(tracker: Tracker) -> tuple[str, float]:
    intent = (tracker.latest_message or {}).get("intent") or {}
    return intent.get("name") or "", float(intent.get("confidence") or 0)


def _read_answer(tracker: Tracker, slot: str, language: str) -> Any:
    """The answer to the requested question, NOT_UNDERSTOOD, or None when the family digressed."""
    question = BY_SLOT[slot]
    button = entity_value(tracker, "answer", _AnyValue())
    if button is not None:
        parsed = _button_value(question.kind, button)
        return NOT_UNDERSTOOD if parsed is None else parsed
    text = (tracker.latest_message or {}).get("text") or ""
    if text.startswith("/"):
        return None  # another button (stop, a topic), or the web app's urgent-concern rule
    intent, confidence = _intent(tracker)
    parsed = parse_answer(question.kind, text, language)
    if intent in LEAVING and confidence >= SURE_CONFIDENCE:
        return None
    uncertain = parsed is None or "?" in text or len(text.split()) > 6
    if intent in LEAVING | DIGRESSIONS and confidence >= DIGRESSION_CONFIDENCE and uncertain:
        return None
    return NOT_UNDERSTOOD if parsed is None else parsed


class _AnyValue:
    def __contains__(self, value: object) -> bool:
        return isinstance(value, str)


def _button_value(kind: str, value: str) -> Any:
    """A button's value as the form stores it (buttons carry language-neutral values)."""
    if kind in ("age", "premature", "delay"):
        if value == NOT_SURE:
            return NOT_SURE
        try:
            return float(value)
        except ValueError:
            return None
    if kind == "asq_areas" and value not in ("none", NOT_SURE):
        return [value] if value in AREA_NAMES else None
    return value


class ValidateScreeningForm(FormValidationAction):
    def name(self) -> str:
        return "validate_screening_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[str]:
        if tracker.get_slot("screening_consent") == "no":
            return []
        return asked_slots(tracker)

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slot = tracker.get_slot(REQUESTED_SLOT)
        if slot not in BY_SLOT:
            return []
        value = _read_answer(tracker, slot, conversation(tracker).t.language)
        return [] if value is None else [SlotSet(slot, value)]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slot = tracker.get_slot(REQUESTED_SLOT)
        value = tracker.slots.get(slot) if slot in BY_SLOT else None
        if value is None:
            return []  # nothing extracted: Rasa rejects the form and the rules take over
        context = conversation(tracker)
        if value == NOT_UNDERSTOOD:
            dispatcher.utter_message(text=dialogue.not_understood(BY_SLOT[slot], context.t))
            return [SlotSet(slot, None)]
        if BY_SLOT[slot].kind == "age" and value == NOT_SURE:
            # Every criterion depends on age: ask again, an estimate is enough.
            dispatcher.utter_message(text=dialogue.age_needed(context.t))
            return [SlotSet(slot, None)]
        if BY_SLOT[slot].kind == "age" and value != NOT_SURE:
            dispatcher.utter_message(text=dialogue.acknowledge_age(float(value), context.t))
        return [SlotSet(slot, value)]


class AskQuestion(Action, ABC):
    """Asks one screening question with its progress ("Question 4 of 9")."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The question's slot; each subclass below is one question."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        asked = [slot for slot in asked_slots(tracker) if BY_SLOT[slot].kind != "consent"]
        # The opening question (may we start?) is number 0; others count from 1.
        position = asked.index(self.slot) + 1 if self.slot in asked else 0
        reply = dialogue.ask(BY_SLOT[self.slot], position, len(asked), context.t)
        # Tells the web app which question is open, for its progress bar.
        reply.control["screening"] = {
            "question": self.slot,
            "number": position,
            "total": len(asked),
        }
        send(dispatcher, reply, context)
        return context.events


# One ask action per question, as Rasa names them: action_ask_<slot>.
for _slot in SLOTS:
    _name = "AskQuestion_" + _slot
    globals()[_name] = type(_name, (AskQuestion,), {"slot": _slot, "__module__": __name__})


class ActionPrepareScreening(Action):
    """Before the form: a finished check starts afresh, a paused one carries on."""

    def name(self) -> str:
        return "action_prepare_screening"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        if tracker.get_slot(COMPLETE_SLOT):
            return [*context.events, *_cleared()]
        if any(
            value is not None
            for slot, value in screening_slots(tracker).items()
            if slot != "screening_consent"
        ):
            dispatcher.utter_message(text=dialogue.resumed(context.t))
        return context.events


class ActionResetScreening(Action):
    def name(self) -> str:
        return "action_reset_screening"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return [*conversation(tracker).events, *_cleared(keep_consent=True)]


def _cleared(keep_consent: bool = False) -> list[EventType]:
    events = [
        SlotSet(slot, None) for slot in SLOTS if not (keep_consent and slot == "screening_consent")
    ]
    return [*events, SlotSet(COMPLETE_SLOT, False)]


class ActionScreeningReview(Action):
    def name(self) -> str:
        return "action_screening_review"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        if tracker.get_slot("screening_consent") == "no":
            send(dispatcher, dialogue.declined(context.t), context)
            return [*context.events, SlotSet("screening_consent", None)]
        reply = dialogue.review(screening_slots(tracker), asked_slots(tracker), context.t)
        send(dispatcher, reply, context)
        return context.events


class ActionScreeningResult(Action):
    def name(self) -> str:
        return "action_screening_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        profile = context.profile
        answered = answered_slots(profile.eligibility, screening_slots(tracker), profile.id)
        send(
            dispatcher,
            dialogue.result(profile.id, answered, profile, context.t),
            context,
        )
        return [*context.events, SlotSet(COMPLETE_SLOT, True)]


class ActionChangeAnswer(Action):
    """Clears one answer so the form asks it again; without one named, the review offers them."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        slot = entity_value(tracker, "question", set(SLOTS) - {"screening_consent"})
        if slot is None:
            dispatcher.utter_message(text=dialogue.which_answer(context.t))
            return [*context.events, SlotSet(COMPLETE_SLOT, False)]
        cleared = [SlotSet(name, None) for name in (slot, *DEPENDENT_SLOTS.get(slot, []))]
        return [*context.events, *cleared, SlotSet(COMPLETE_SLOT, False)]


class ActionScreeningPaused(Action):
    def name(self) -> str:
        return "action_screening_paused"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        has_answers = any(
            value is not None
            for slot, value in screening_slots(tracker).items()
            if slot != "screening_consent"
        )
        send(dispatcher, dialogue.paused(has_answers, context.t), context)
        return context.events
