"""The web app's configuration, from the environment (set by `portage run`, or by a deployment)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = ""
    action_server_url: str = "http://127.0.0.1:5055"
    # An SQLAlchemy URL of Rasa's tracker store, so "delete my data" can delete a conversation.
    tracker_url: str = ""
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
            rasa_timeout_seconds=float(env.get("PORTAGE_RASA_TIMEOUT", cls.rasa_timeout_seconds)),
        )
