"""Sharing answers with a professional: the consent question, the code, and deleting it all.

Only with the family's yes, given right after the consent wording, is anything stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from typing import Any

import sqlalchemy as sa
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import conversation
from actions.dispatch import send
from actions.screening import screening_slots
from bot import conversation as replies
from bot.handoff import consent
from bot.handoff.store import HandoffStore, handoff_days, store_from_environment
from bot.screening.questions import answered_slots, answers_from_slots

CODE_SLOT = "handoff_code"
logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def handoff_store() -> HandoffStore:
    return store_from_environment()


def _answers(tracker: Tracker) -> dict[str, Any]:
    profile = conversation(tracker).profile
    answered = answered_slots(profile.eligibility, screening_slots(tracker), profile.id)
    return answered if answers_from_slots(profile.id, answered) is not None else {}


class ActionOfferHandoff(Action):
    def name(self) -> str:
        return "action_offer_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        # Only words here: the store is opened when the family says yes.
        send(
            dispatcher,
            consent.offer(context.profile, context.t, handoff_days(), bool(_answers(tracker))),
            context,
        )
        return context.events


class ActionCreateHandoff(Action):
    """Runs only on a yes right after the consent wording (see data/rules/handoff.yml)."""

    def name(self) -> str:
        return "action_create_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        answers = _answers(tracker)
        if not answers:
            send(
                dispatcher,
                consent.offer(context.profile, context.t, handoff_days(), False),
                context,
            )
            return context.events
        now = dt.datetime.now(dt.timezone.utc)
        language = context.t.language
        earlier = tracker.get_slot(CODE_SLOT)
        try:
            store = handoff_store()
            if earlier:
                store.delete(earlier)
            code, expires, _ = store.create(
                context.profile.id,
                language,
                answers,
                consent.consent_record(context.profile, language, store.days, now),
                now,
            )
        except (RuntimeError, sa.exc.SQLAlchemyError) as error:
            # The error's type only: never the answers.
            logger.error("handoff store unavailable: %s", type(error).__name__)
            send(dispatcher, consent.unavailable(context.t), context)
            return context.events
        send(dispatcher, consent.issued(code, expires, context.t, bool(earlier)), context)
        return [*context.events, SlotSet(CODE_SLOT, code)]


class ActionDeclineHandoff(Action):
    def name(self) -> str:
        return "action_decline_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        send(dispatcher, consent.declined(context.t), context)
        return context.events


class ActionDeleteMyData(Action):
    """Deletes the family's handoff here; the web app then deletes the conversation itself."""

    def name(self) -> str:
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = conversation(tracker)
        code = tracker.get_slot(CODE_SLOT)
        if code:
            try:
                handoff_store().delete(code)
            except (RuntimeError, sa.exc.SQLAlchemyError) as error:
                logger.error("handoff store unavailable: %s", type(error).__name__)
                send(dispatcher, consent.unavailable_to_delete(context.profile, context.t), context)
                return context.events
        send(dispatcher, replies.conversation_deleted(context.profile, context.t), context)
        return [*context.events, SlotSet(CODE_SLOT, None)]
