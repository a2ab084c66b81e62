"""Switches the conversation's language when a family asks ("can we speak Polish", "po polsku")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import conversation, entity_value
from actions.dispatch import send
from bot import conversation as replies
from bot.languages import is_supported, known_languages, requested_language


def language_asked_for(tracker: Tracker) -> str | None:
    """A language button's entity, else a language named in the message, else None."""
    button_language = entity_value(tracker, "language", known_languages())
    if button_language:
        return button_language
    named = requested_language((tracker.latest_message or {}).get("text") or "")
    return named.code if named else None


class ActionChangeLanguage(Action):
    def name(self) -> str:
        return "action_change_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        code = language_asked_for(tracker)
        if code and is_supported(code):
            context = conversation(tracker, language=code)
            send(dispatcher, replies.language_changed(context.profile, context.t), context)
            return context.events
        context = conversation(tracker)
        if code:
            send(
                dispatcher,
                replies.language_unavailable(known_languages()[code], context.t),
                context,
            )
        else:
            send(dispatcher, replies.ask_language(context.profile, context.t), context)
        return context.events
