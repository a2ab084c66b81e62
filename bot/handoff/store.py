"""Handoffs a family consented to: their answers, kept under a code until it expires.

Any SQLAlchemy URL works (SQLite by default, PostgreSQL at scale). Only the code's keyed hash is a
key; the answers are kept for the time the family agreed to and `portage purge` deletes them after.
Once a professional has opened a handoff with its code, the professional view refers to it by a
separate random id, so the code never appears in a URL.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import sqlalchemy as sa

from bot.handoff.codes import InvalidCode, code_hash, new_code

DEFAULT_DAYS = 14
Status = Literal["new", "completed", "sent"]
Origin = Literal["family", "professional"]

_metadata = sa.MetaData()
handoffs = sa.Table(
    "portage_handoffs",
    _metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("id", sa.String(32), nullable=False, unique=True),
    sa.Column("service", sa.String(40), nullable=False),
    sa.Column("language", sa.String(10), nullable=False),
    sa.Column("origin", sa.String(16), nullable=False, default="family"),
    sa.Column("slots", sa.Text, nullable=False),
    sa.Column("consent", sa.Text, nullable=False),
    # The professional's part of the draft referral (link_id -> answer).
    sa.Column("completion", sa.Text, nullable=False, default="{}"),
    sa.Column("status", sa.String(16), nullable=False, default="new"),
    sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False, index=True),
)


class NewHandoff(NamedTuple):
    """What `create` gives back: the code for the family, its expiry, and the id for URLs."""

    code: str
    expires: dt.datetime
    id: str


@dataclass(frozen=True)
class Handoff:
    id: str
    service: str
    language: str
    origin: Origin
    slots: dict[str, Any]
    consent: dict[str, Any]
    completion: dict[str, Any]
    status: Status
    sent_at: dt.datetime | None
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
        if days < 1:
            raise ValueError("handoffs must be kept for at least one day")
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
        origin: Origin = "family",
    ) -> NewHandoff:
        """A new code for these answers, when it expires, and the handoff's id."""
        code = new_code()
        expires = now + dt.timedelta(days=self.days)
        handoff_id = secrets.token_urlsafe(16)
        with self._engine.begin() as connection:
            connection.execute(
                handoffs.insert().values(
                    code_hash=code_hash(code, self._secret),
                    id=handoff_id,
                    service=service,
                    language=language,
                    origin=origin,
                    slots=json.dumps(slots),
                    consent=json.dumps(consent),
                    completion="{}",
                    status="new",
                    created_at=now,
                    expires_at=expires,
                )
            )
        return NewHandoff(code, expires, handoff_id)

    def find(self, code: str, now: dt.datetime) -> Handoff | None:
        """The handoff behind a code, or None when there is none, it has expired, or the code
        could never have been issued."""
        try:
            key = code_hash(code, self._secret)
        except InvalidCode:
            return None
        return self._one(handoffs.c.code_hash == key, now)

    def get(self, handoff_id: str, now: dt.datetime) -> Handoff | None:
        """A handoff by the id the professional view uses once it has been opened with its code."""
        return self._one(handoffs.c.id == handoff_id, now)

    def save_completion(self, handoff_id: str, completion: dict[str, Any], status: Status) -> None:
        self._update(handoff_id, completion=json.dumps(completion), status=status)

    def mark_sent(self, handoff_id: str, now: dt.datetime) -> None:
        self._update(handoff_id, status="sent", sent_at=now)

    def delete(self, code: str) -> bool:
        """The family's "delete my data": the handoff goes at once. True when there was one."""
        try:
            key = code_hash(code, self._secret)
        except InvalidCode:
            return False
        with self._engine.begin() as connection:
            result = connection.execute(handoffs.delete().where(handoffs.c.code_hash == key))
        return bool(result.rowcount)

    def purge(self, now: dt.datetime) -> int:
        return purge_expired(self._engine, now)

    def _one(self, where: sa.sql.ColumnElement, now: dt.datetime) -> Handoff | None:
        with self._engine.connect() as connection:
            row = connection.execute(handoffs.select().where(where)).first()
        if row is None or _aware(row.expires_at) <= now:
            return None
        return Handoff(
            id=row.id,
            service=row.service,
            language=row.language,
            origin=row.origin,
            slots=json.loads(row.slots),
            consent=json.loads(row.consent),
            completion=json.loads(row.completion),
            status=row.status,
            sent_at=_aware(row.sent_at) if row.sent_at else None,
            created_at=_aware(row.created_at),
            expires_at=_aware(row.expires_at),
        )

    def _update(self, handoff_id: str, **values: Any) -> None:
        with self._engine.begin() as connection:
            result = connection.execute(
                handoffs.update().where(handoffs.c.id == handoff_id).values(**values)
            )
        if not result.rowcount:
            raise KeyError("no such handoff")


def handoff_days() -> int:
    """How long handoffs are kept (PORTAGE_HANDOFF_DAYS): what the consent wording promises."""
    return int(os.environ.get("PORTAGE_HANDOFF_DAYS", str(DEFAULT_DAYS)))


def store_from_environment() -> HandoffStore:
    """The store every process shares: PORTAGE_DATABASE_URL, PORTAGE_HANDOFF_SECRET (set by
    `portage run`, or by a deployment) and PORTAGE_HANDOFF_DAYS."""
    from bot.retention import database_url

    secret = os.environ.get("PORTAGE_HANDOFF_SECRET", "")
    if not secret:
        raise RuntimeError("PORTAGE_HANDOFF_SECRET is not set: handoff codes cannot be issued")
    return HandoffStore(
        database_url(),
        secret.encode("utf-8"),
        days=handoff_days(),
    )


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
