"""Button payloads ("/intent{...}") and the rule for which of them a family's message may carry.

Rasa treats any message starting with "/" as an intent with entities. Buttons rely on that, but a
typed message must not be able to inject arbitrary intents or entities, so the web app keeps only
payloads of this exact shape and strips the slash from anything else.
"""

from __future__ import annotations

import json
import re

from bot.languages import known_languages
from bot.topics import (
    CONVERSATION_INTENTS,
    FAQ_INTENT,
    FAQ_TOPICS,
    HANDOFF_INTENTS,
    SCREENING_INTENTS,
)

_PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)(?P<entities>\{.*\})?$", re.DOTALL)
_ANSWER_VALUE = re.compile(r"^[a-z0-9_.]{1,24}$")


class _Matching:
    """Allowed entity values described by a pattern rather than a list."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and bool(self.pattern.match(value))


_ALLOWED_ENTITIES = {
    FAQ_INTENT: {"topic": set(FAQ_TOPICS)},
    "change_language": {"language": set(known_languages())},
    "inform": {"answer": _Matching(_ANSWER_VALUE)},
    "change_answer": {"question": _Matching(re.compile(r"^[a-z_]{1,60}$"))},
}


def intent_payload(intent: str, **entities: str) -> str:
    payload = f"/{intent}"
    if entities:
        payload += json.dumps(entities, separators=(",", ":"), ensure_ascii=False)
    return payload


def faq_payload(topic: str) -> str:
    return intent_payload(FAQ_INTENT, topic=topic)


def language_payload(code: str) -> str:
    return intent_payload("change_language", language=code)


def parse_payload(text: str) -> tuple[str, dict[str, str]] | None:
    """The intent and entities of a well-formed button payload, or None."""
    match = _PAYLOAD.match(text.strip())
    if not match:
        return None
    intent = match["intent"]
    if intent != FAQ_INTENT and intent not in (
        *CONVERSATION_INTENTS,
        *SCREENING_INTENTS,
        *HANDOFF_INTENTS,
    ):
        return None
    entities: dict[str, str] = {}
    if match["entities"]:
        try:
            entities = json.loads(match["entities"])
        except json.JSONDecodeError:
            return None
        allowed = _ALLOWED_ENTITIES.get(intent, {})
        if not isinstance(entities, dict) or not all(
            key in allowed and value in allowed[key] for key, value in entities.items()
        ):
            return None
    if intent == FAQ_INTENT and "topic" not in entities:
        return None
    return intent, entities


def sanitise_user_message(text: str) -> str:
    """The message as Rasa should see it: a valid payload as is, anything else as plain text."""
    stripped = text.strip()
    if stripped.startswith("/") and parse_payload(stripped) is None:
        return stripped.lstrip("/").strip()
    return stripped
