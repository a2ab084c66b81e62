"""`portage purge`: deletes what is past its time, expired handoffs and idle conversations.

Nothing is kept longer than families were told: handoffs until their code expires, conversations
(Rasa's tracker store) for PORTAGE_CONVERSATION_DAYS after their last message.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import sqlalchemy as sa

from bot.handoff.store import purge_expired
from bot.paths import REPO_ROOT

# A conversation without consent keeps nothing for long: a day after its last message it goes.
DEFAULT_CONVERSATION_DAYS = 1


@dataclass(frozen=True)
class Purged:
    handoffs: int
    conversations: int
    # Screenings a professional started, once they can no longer become a draft.
    screenings: int = 0


def database_url() -> str:
    """PORTAGE_DATABASE_URL, else SQLite in var/ (made here, since a fresh clone has no var/)."""
    if url := os.environ.get("PORTAGE_DATABASE_URL"):
        return url
    (REPO_ROOT / "var").mkdir(exist_ok=True)
    return f"sqlite:///{REPO_ROOT / 'var' / 'portage.db'}"


def tracker_url() -> str:
    return os.environ.get("PORTAGE_TRACKER_URL") or f"sqlite:///{REPO_ROOT / 'var' / 'rasa.db'}"


def purge(
    database: str,
    tracker: str,
    now: dt.datetime,
    conversation_days: int = DEFAULT_CONVERSATION_DAYS,
) -> Purged:
    from bot.accounts.stores import open_stores

    return Purged(
        handoffs=purge_expired(sa.create_engine(database), now),
        conversations=_purge_conversations(tracker, now - dt.timedelta(days=conversation_days)),
        screenings=open_stores(database).screenings.purge(now),
    )


# A conversation is idle when its latest event is older than the cutoff.
_IDLE = sa.text("SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff")
_DELETE = sa.text("DELETE FROM events WHERE sender_id = :sender")


def _purge_conversations(url: str, idle_since: dt.datetime) -> int:
    """Deletes every conversation whose last event is older than ``idle_since``."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        if not sa.inspect(connection).has_table("events"):
            return 0
        senders = connection.execute(_IDLE, {"cutoff": idle_since.timestamp()}).scalars().all()
        # One conversation at a time: no bound on how many, on every database Rasa supports.
        if senders:
            connection.execute(_DELETE, [{"sender": sender} for sender in senders])
    return len(senders)
