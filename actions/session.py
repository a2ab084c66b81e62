"""Starts a conversation session with the service and language of its first message."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import conversation

_CARRIED_OVER = ("service", "language", "client_language")


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        # A new session keeps the conversation's service and language, as the domain asks.
        carried = [
            SlotSet(slot, tracker.get_slot(slot))
            for slot in _CARRIED_OVER
            if tracker.get_slot(slot) is not None
        ]
        context = conversation(tracker)
        return [SessionStarted(), *carried, *context.events, ActionExecuted("action_listen")]
