"""Who signed in, opened, completed, exported and sent which handoff, and when.

Only the account, the action and the handoff's random id are kept: never a code, a family's
answer or anything a professional typed into a referral.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from bot.accounts.accounts import Account
from bot.accounts.schema import audit, aware

Action = Literal[
    "signed_in",
    "sign_in_failed",
    "account_locked",
    "signed_out",
    "opened",
    "open_failed",
    "completed",
    "saved",
    "exported_pdf",
    "exported_fhir",
    "marked_sent",
    "started_screening",
    "created_draft",
]


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    account_id: int | None
    email: str | None
    action: str
    handoff_id: str | None


class AuditLog:
    def __init__(self, engine: sa.engine.Engine) -> None:
        self._engine = engine

    def record(
        self,
        action: Action,
        now: dt.datetime,
        account_id: int | None = None,
        email: str | None = None,
        handoff_id: str | None = None,
    ) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                audit.insert().values(
                    at=now,
                    account_id=account_id,
                    email=email,
                    action=action,
                    handoff_id=handoff_id,
                )
            )

    def by(
        self, account: Account, action: Action, now: dt.datetime, handoff_id: str | None = None
    ) -> None:
        """What a signed-in professional did, under their account."""
        self.record(action, now, account.id, account.email, handoff_id)

    def entries(self, since: dt.datetime | None = None) -> list[AuditEntry]:
        """Oldest first, from `since` when given."""
        query = audit.select().order_by(audit.c.at, audit.c.id)
        if since is not None:
            query = query.where(audit.c.at >= since)
        with self._engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            AuditEntry(aware(row.at), row.account_id, row.email, row.action, row.handoff_id)
            for row in rows
        ]
