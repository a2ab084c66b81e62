"""Sends a Reply through Rasa's dispatcher: texts, buttons under the last one, then control."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.context import Conversation
from bot.replies import CONTROL_KEY, Reply


def send(dispatcher: CollectingDispatcher, reply: Reply, context: Conversation) -> None:
    last = len(reply.messages) - 1
    buttons = [{"title": button.title, "payload": button.payload} for button in reply.buttons]
    for index, text in enumerate(reply.messages):
        dispatcher.utter_message(text=text, buttons=buttons if index == last else [])
    # Not shown to the family: tells the web app the conversation's language and service, and
    # anything the reply asks of it (e.g. deleting the conversation).
    control = {"language": context.t.language, "service": context.profile.id, **reply.control}
    dispatcher.utter_message(json_message={CONTROL_KEY: control})
