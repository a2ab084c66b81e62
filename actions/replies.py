"""Actions that say one reply from bot.conversation for the conversation's service and language."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import conversation
from actions.dispatch import send
from bot import conversation as replies
from bot.i18n import Translator
from bot.profile_schema import ServiceProfile
from bot.replies import Reply


class ReplyAction(Action, ABC):
    action_name: str

    def name(self) -> str:
        return self.action_name

    @abstractmethod
    def build(self, profile: ServiceProfile, t: Translator) -> Reply: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        context = conversation(tracker)
        send(dispatcher, self.build(context.profile, context.t), context)
        return context.events


class ActionGreet(ReplyAction):
    action_name = "action_greet"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.greet(profile, t)


class ActionGoodbye(ReplyAction):
    action_name = "action_goodbye"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.goodbye(profile, t)


class ActionThank(ReplyAction):
    action_name = "action_thank"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.thank(profile, t)


class ActionOfferMenu(ReplyAction):
    action_name = "action_offer_menu"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.offer_menu(profile, t)


class ActionStop(ReplyAction):
    action_name = "action_stop"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.stopped(profile, t)


class ActionBotChallenge(ReplyAction):
    action_name = "action_bot_challenge"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.bot_challenge(profile, t)


class ActionHumanHandoff(ReplyAction):
    action_name = "action_human_handoff"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.human_handoff(profile, t)


class ActionOutOfScope(ReplyAction):
    action_name = "action_out_of_scope"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.out_of_scope(profile, t)


class ActionFallback(ReplyAction):
    action_name = "action_fallback"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.fallback(profile, t)


class ActionUrgentConcern(ReplyAction):
    action_name = "action_urgent_concern"

    def build(self, profile: ServiceProfile, t: Translator) -> Reply:
        return replies.urgent_concern(profile, t)
