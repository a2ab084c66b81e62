"""Signed-in sessions of the professional view.

The browser holds a random token in a cookie; the database holds only its SHA-256, with the
session's CSRF token and the handoffs it opened. A session ends after a spell without use or at
a fixed time after sign-in, whichever comes first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from bot.accounts.schema import aware, sessions

IDLE_MINUTES = 120
ABSOLUTE_HOURS = 8


@dataclass(frozen=True)
class Session:
    token_hash: str
    account_id: int
    csrf_token: str
    opened: tuple[str, ...]
    created_at: dt.datetime
    last_seen_at: dt.datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionStore:
    def __init__(
        self,
        engine: sa.engine.Engine,
        idle_minutes: int = IDLE_MINUTES,
        absolute_hours: int = ABSOLUTE_HOURS,
    ) -> None:
        self._engine = engine
        self.idle = dt.timedelta(minutes=idle_minutes)
        self.absolute = dt.timedelta(hours=absolute_hours)

    def start(self, account_id: int, now: dt.datetime) -> tuple[str, Session]:
        """A new session (a new token every sign-in, so none can be planted beforehand)."""
        token = secrets.token_urlsafe(32)
        session = Session(
            token_hash=token_hash(token),
            account_id=account_id,
            csrf_token=secrets.token_urlsafe(32),
            opened=(),
            created_at=now,
            last_seen_at=now,
        )
        with self._engine.begin() as connection:
            # Sessions that have ended go whenever a new one starts, so the table stays small.
            connection.execute(
                sessions.delete().where(
                    (sessions.c.last_seen_at <= now - self.idle)
                    | (sessions.c.created_at <= now - self.absolute)
                )
            )
            connection.execute(
                sessions.insert().values(
                    token_hash=session.token_hash,
                    account_id=account_id,
                    csrf_token=session.csrf_token,
                    opened="[]",
                    created_at=now,
                    last_seen_at=now,
                )
            )
        return token, session

    def get(self, token: str, now: dt.datetime) -> Session | None:
        """The live session behind a cookie's token, marked as used now; None when it has ended."""
        if not token or len(token) > 128:
            return None
        key = token_hash(token)
        with self._engine.begin() as connection:
            row = connection.execute(sessions.select().where(sessions.c.token_hash == key)).first()
            if row is None:
                return None
            created, seen = aware(row.created_at), aware(row.last_seen_at)
            if now - seen >= self.idle or now - created >= self.absolute:
                connection.execute(sessions.delete().where(sessions.c.token_hash == key))
                return None
            connection.execute(
                sessions.update().where(sessions.c.token_hash == key).values(last_seen_at=now)
            )
        return Session(
            token_hash=key,
            account_id=row.account_id,
            csrf_token=row.csrf_token,
            opened=tuple(json.loads(row.opened)),
            created_at=created,
            last_seen_at=now,
        )

    def add_opened(self, session: Session, handoff_id: str) -> None:
        """Lets this session see a handoff it opened with the handoff's code."""
        if handoff_id in session.opened:
            return
        with self._engine.begin() as connection:
            row = connection.execute(
                sa.select(sessions.c.opened).where(sessions.c.token_hash == session.token_hash)
            ).first()
            if row is None:
                return
            opened = [*json.loads(row.opened), handoff_id]
            connection.execute(
                sessions.update()
                .where(sessions.c.token_hash == session.token_hash)
                .values(opened=json.dumps(opened))
            )

    def end(self, token: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(sessions.delete().where(sessions.c.token_hash == token_hash(token)))

    def end_all(self, account_id: int) -> None:
        with self._engine.begin() as connection:
            connection.execute(sessions.delete().where(sessions.c.account_id == account_id))
