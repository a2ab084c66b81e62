"""Everything the professional view keeps, opened together on one database."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher

from bot.accounts.accounts import AccountStore
from bot.accounts.audit import AuditLog
from bot.accounts.ratelimit import LIMIT, WINDOW_MINUTES, RateLimiter
from bot.accounts.schema import engine_for
from bot.accounts.screenings import ScreeningRegister
from bot.accounts.sessions import ABSOLUTE_HOURS, IDLE_MINUTES, SessionStore


@dataclass(frozen=True)
class ProfessionalStores:
    accounts: AccountStore
    sessions: SessionStore
    audit: AuditLog
    lookups: RateLimiter
    screenings: ScreeningRegister


def open_stores(
    url: str,
    hasher: PasswordHasher | None = None,
    lookup_limit: int = LIMIT,
    lookup_window_minutes: int = WINDOW_MINUTES,
    session_idle_minutes: int = IDLE_MINUTES,
    session_hours: int = ABSOLUTE_HOURS,
) -> ProfessionalStores:
    engine = engine_for(url)
    return ProfessionalStores(
        accounts=AccountStore(engine, hasher),
        sessions=SessionStore(engine, session_idle_minutes, session_hours),
        audit=AuditLog(engine),
        lookups=RateLimiter(engine, lookup_limit, lookup_window_minutes),
        screenings=ScreeningRegister(engine),
    )
