"""The web app's configuration, from the environment (set by `portage run`, or by a deployment)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from bot.retention import database_url


@dataclass(frozen=True)
class Settings:
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = ""
    action_server_url: str = "http://127.0.0.1:5055"
    # An SQLAlchemy URL of Rasa's tracker store, so "delete my data" can delete a conversation.
    tracker_url: str = ""
    # Handoffs (and the professional view's accounts): an SQLAlchemy URL, and the key that hashes
    # handoff codes, shared with the action server. Empty: a random key for this process only.
    database_url: str = field(default_factory=database_url)
    handoff_secret: str = ""
    handoff_days: int = 14
    rasa_timeout_seconds: float = 30.0
    max_message_chars: int = 1000
    max_body_bytes: int = 16_384

    @classmethod
    def from_environment(cls) -> Settings:
        env = os.environ
        return cls(
            rasa_url=env.get("PORTAGE_RASA_URL", cls.rasa_url),
            rasa_token=env.get("PORTAGE_RASA_TOKEN", ""),
            action_server_url=env.get("PORTAGE_ACTION_URL", cls.action_server_url),
            tracker_url=env.get("PORTAGE_TRACKER_URL", ""),
            database_url=database_url(),
            handoff_secret=env.get("PORTAGE_HANDOFF_SECRET", ""),
            handoff_days=int(env.get("PORTAGE_HANDOFF_DAYS", cls.handoff_days)),
            rasa_timeout_seconds=float(env.get("PORTAGE_RASA_TIMEOUT", cls.rasa_timeout_seconds)),
        )
