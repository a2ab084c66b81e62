"""Screenings a professional started with a family, on the professional's device.

Only a hash of the conversation id is kept: the id itself opens the family's summary. A record
lets its professional (and no one else) turn the conversation into a draft referral, for a day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import sqlalchemy as sa

from bot.accounts.schema import aware, screenings

VALID_HOURS = 24
KEEP_LINKED_DAYS = 90


@dataclass(frozen=True)
class StartedScreening:
    account_id: int
    service: str
    language: str
    created_at: dt.datetime
    handoff_id: str | None


def sender_hash(sender: str) -> str:
    return hashlib.sha256(sender.encode("utf-8")).hexdigest()


class ScreeningRegister:
    def __init__(self, engine: sa.engine.Engine, valid_hours: int = VALID_HOURS) -> None:
        self._engine = engine
        self.valid = dt.timedelta(hours=valid_hours)

    def start(
        self, sender: str, account_id: int, service: str, language: str, now: dt.datetime
    ) -> None:
        self.purge(now)
        with self._engine.begin() as connection:
            connection.execute(
                screenings.insert().values(
                    sender_hash=sender_hash(sender),
                    account_id=account_id,
                    service=service,
                    language=language,
                    created_at=now,
                    handoff_id=None,
                )
            )

    def get(self, sender: str, account_id: int, now: dt.datetime) -> StartedScreening | None:
        """The screening, when this account started it and it is still recent."""
        with self._engine.connect() as connection:
            row = connection.execute(
                screenings.select().where(
                    screenings.c.sender_hash == sender_hash(sender),
                    screenings.c.account_id == account_id,
                )
            ).first()
        if row is None or now - aware(row.created_at) >= self.valid:
            return None
        return StartedScreening(
            row.account_id, row.service, row.language, aware(row.created_at), row.handoff_id
        )

    def link_handoff(self, sender: str, handoff_id: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                screenings.update()
                .where(screenings.c.sender_hash == sender_hash(sender))
                .values(handoff_id=handoff_id)
            )

    def started_by(self, account_id: int, handoff_id: str) -> bool:
        """Whether this account started the screening this handoff was made from."""
        with self._engine.connect() as connection:
            row = connection.execute(
                sa.select(screenings.c.sender_hash).where(
                    screenings.c.account_id == account_id, screenings.c.handoff_id == handoff_id
                )
            ).first()
        return row is not None

    def handoffs_of(self, account_id: int) -> list[str]:
        """Handoffs made from this account's screenings, newest first (some may have expired)."""
        with self._engine.connect() as connection:
            rows = connection.execute(
                sa.select(screenings.c.handoff_id)
                .where(screenings.c.account_id == account_id, screenings.c.handoff_id.isnot(None))
                .order_by(screenings.c.created_at.desc())
            ).all()
        return [row.handoff_id for row in rows]

    def purge(self, now: dt.datetime) -> int:
        """Screenings never turned into a draft go after a day; the others once their draft
        can no longer exist (handoffs last at most weeks)."""
        unused = (screenings.c.created_at <= now - self.valid) & screenings.c.handoff_id.is_(None)
        old = screenings.c.created_at <= now - dt.timedelta(days=KEEP_LINKED_DAYS)
        with self._engine.begin() as connection:
            result = connection.execute(screenings.delete().where(unused | old))
        return result.rowcount or 0
