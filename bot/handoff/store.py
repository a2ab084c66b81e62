"""Handoffs a family consented to: their answers, kept under a code until it expires.

Any SQLAlchemy URL works (SQLite by default, PostgreSQL at scale). Only the code's keyed hash is a
key; the answers are kept for the time the family agreed to and `portage purge` deletes them after.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from bot.handoff.codes import code_hash, new_code

DEFAULT_DAYS = 14

_metadata = sa.MetaData()
handoffs = sa.Table(
    "portage_handoffs",
    _metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("service", sa.String(40), nullable=False),
    sa.Column("language", sa.String(10), nullable=False),
    sa.Column("slots", sa.Text, nullable=False),
    sa.Column("consent", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False, index=True),
)


@dataclass(frozen=True)
class Handoff:
    service: str
    language: str
    slots: dict[str, Any]
    consent: dict[str, Any]
    created_at: dt.datetime
    expires_at: dt.datetime


def purge_expired(engine: sa.engine.Engine, now: dt.datetime) -> int:
    """Deletes every expired handoff; returns how many."""
    with engine.begin() as connection:
        if not sa.inspect(connection).has_table(handoffs.name):
            return 0
        result = connection.execute(handoffs.delete().where(handoffs.c.expires_at <= now))
    return result.rowcount or 0


class HandoffStore:
    def __init__(self, url: str, secret: bytes, days: int = DEFAULT_DAYS) -> None:
        if len(secret) < 16:
            raise ValueError("the handoff secret must be at least 16 bytes")
        self._engine = sa.create_engine(url)
        self._secret = secret
        self.days = days
        _metadata.create_all(self._engine)

    def create(
        self,
        service: str,
        language: str,
        slots: dict[str, Any],
        consent: dict[str, Any],
        now: dt.datetime,
    ) -> tuple[str, dt.datetime]:
        """A new code for these answers, and when it expires."""
        code = new_code()
        expires = now + dt.timedelta(days=self.days)
        with self._engine.begin() as connection:
            connection.execute(
                handoffs.insert().values(
                    code_hash=code_hash(code, self._secret),
                    service=service,
                    language=language,
                    slots=json.dumps(slots),
                    consent=json.dumps(consent),
                    created_at=now,
                    expires_at=expires,
                )
            )
        return code, expires

    def find(self, code: str, now: dt.datetime) -> Handoff | None:
        """The handoff behind a code, or None when there is none or it has expired."""
        with self._engine.connect() as connection:
            row = connection.execute(
                handoffs.select().where(handoffs.c.code_hash == code_hash(code, self._secret))
            ).first()
        if row is None or _aware(row.expires_at) <= now:
            return None
        return Handoff(
            service=row.service,
            language=row.language,
            slots=json.loads(row.slots),
            consent=json.loads(row.consent),
            created_at=_aware(row.created_at),
            expires_at=_aware(row.expires_at),
        )

    def purge(self, now: dt.datetime) -> int:
        return purge_expired(self._engine, now)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
