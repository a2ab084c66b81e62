"""A sliding-window limit on handoff code lookups, per account and per client address.

Kept in the database, so it holds across restarts and across web processes: ten lookups in 15
minutes make guessing a code (48 bits) hopeless while leaving a busy clinic room to spare.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import sqlalchemy as sa

from bot.accounts.schema import rate_events

LIMIT = 10
WINDOW_MINUTES = 15


def limit_key(kind: str, value: str) -> str:
    """E.g. limit_key("ip", "203.0.113.5"): hashed, so no address is stored as such."""
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


class RateLimiter:
    def __init__(
        self, engine: sa.engine.Engine, limit: int = LIMIT, window_minutes: int = WINDOW_MINUTES
    ) -> None:
        self._engine = engine
        self.limit = limit
        self.window = dt.timedelta(minutes=window_minutes)

    def allow(self, keys: list[str], now: dt.datetime) -> bool:
        """True, and the attempt counted against every key, when no key is over its limit."""
        start = now - self.window
        with self._engine.begin() as connection:
            connection.execute(rate_events.delete().where(rate_events.c.at <= start))
            for key in keys:
                used = connection.execute(
                    sa.select(sa.func.count())
                    .select_from(rate_events)
                    .where(rate_events.c.key == key, rate_events.c.at > start)
                ).scalar_one()
                if used >= self.limit:
                    return False
            connection.execute(rate_events.insert(), [{"key": key, "at": now} for key in keys])
        return True
