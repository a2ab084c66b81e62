"""Answers an FAQ topic for the conversation's service, in its language."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import conversation, entity_value
from actions.dispatch import send
from bot import conversation as replies
from bot.faq import answer_topic
from bot.topics import FAQ_INTENT, FAQ_TOPICS


def selected_topic(tracker: Tracker) -> str | None:
    """The topic from a button's entity, else the one the ResponseSelector chose."""
    button_topic = entity_value(tracker, "topic", FAQ_TOPICS)
    if button_topic:
        return button_topic
    message = tracker.latest_message or {}
    selector = (message.get("response_selector") or {}).get(FAQ_INTENT) or {}
    key = (selector.get("response") or {}).get("intent_response_key") or ""
    topic = key.partition("/")[2]
    return topic if topic in FAQ_TOPICS else None


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        context = conversation(tracker)
        topic = selected_topic(tracker)
        if topic is None:
            send(dispatcher, replies.fallback(context.profile, context.t), context)
        else:
            send(dispatcher, answer_topic(topic, context.profile, context.t), context)
        return context.events
