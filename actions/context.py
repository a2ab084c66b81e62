"""The conversation's service profile and translator, read from Rasa's tracker for each action."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot.context import choose_language, choose_service
from bot.i18n import Translator
from bot.profile_schema import ServiceProfile
from bot.profiles import get_profile

SESSION_METADATA_SLOT = "session_started_metadata"


@dataclass
class Conversation:
    profile: ServiceProfile
    t: Translator
    # Slot events that record the service and language chosen this turn.
    events: list[dict[str, Any]] = field(default_factory=list)


def message_metadata(tracker: Tracker) -> dict[str, Any]:
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    if not metadata:
        metadata = tracker.get_slot(SESSION_METADATA_SLOT) or {}
    return metadata if isinstance(metadata, dict) else {}


def entity_value(tracker: Tracker, name: str, allowed: Collection[str]) -> str | None:
    """The value of a button payload's entity, if it is one of the allowed values."""
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == name and entity.get("value") in allowed:
            return entity["value"]
    return None


def conversation(tracker: Tracker, language: str | None = None) -> Conversation:
    """Service and language for this turn; ``language`` forces a switch asked for in the chat."""
    metadata = message_metadata(tracker)
    service_id = choose_service(metadata.get("service"), tracker.get_slot("service"))
    requested = metadata.get("language")
    chosen = language or choose_language(
        requested, tracker.get_slot("client_language"), tracker.get_slot("language")
    )
    events = []
    for slot, value in (("service", service_id), ("language", chosen)):
        if tracker.get_slot(slot) != value:
            events.append(SlotSet(slot, value))
    if requested and tracker.get_slot("client_language") != requested:
        events.append(SlotSet("client_language", requested))
    return Conversation(profile=get_profile(service_id), t=Translator(chosen), events=events)
