"""The web app's configuration, from the environment (set by `portage run`, or by a deployment)."""

from __future__ import annotations

import os
import re
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
    # The professional view: code lookups allowed per account and per client address in the
    # window, and how long a sign-in lasts (idle, and at most).
    pro_lookup_limit: int = 10
    pro_lookup_window_minutes: int = 15
    pro_session_idle_minutes: int = 120
    pro_session_hours: int = 8
    # Other sites (scheme://host[:port]) whose pages may embed the chat widget and call the chat
    # API from the browser; the web app's own origin always may.
    widget_origins: tuple[str, ...] = ()

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
            pro_lookup_limit=int(env.get("PORTAGE_PRO_LOOKUP_LIMIT", cls.pro_lookup_limit)),
            pro_lookup_window_minutes=int(
                env.get("PORTAGE_PRO_LOOKUP_WINDOW_MINUTES", cls.pro_lookup_window_minutes)
            ),
            pro_session_idle_minutes=int(
                env.get("PORTAGE_PRO_SESSION_IDLE_MINUTES", cls.pro_session_idle_minutes)
            ),
            pro_session_hours=int(env.get("PORTAGE_PRO_SESSION_HOURS", cls.pro_session_hours)),
            widget_origins=parse_origins(env.get("PORTAGE_WIDGET_ORIGINS", "")),
        )


_ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$")


def parse_origins(text: str) -> tuple[str, ...]:
    """Comma- or space-separated origins such as "https://www.hants.gov.uk"; anything that is not
    a bare origin (a path, a wildcard) stops start-up, so a typo never opens the API to everyone."""
    origins = tuple(item.strip().lower().rstrip("/") for item in re.split(r"[,\s]+", text) if item)
    for origin in origins:
        if not _ORIGIN.match(origin):
            raise ValueError(
                f"PORTAGE_WIDGET_ORIGINS: {origin!r} is not an origin like https://host"
            )
    return origins
