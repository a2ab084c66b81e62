"""Accounts of health visitors and service staff: Argon2 password hashes and sign-in lockout.

Five wrong passwords in a row lock an account for 15 minutes; a locked account is refused even
with the right password. Every refusal looks the same to the person signing in (unknown email,
wrong password, locked), and an unknown email costs the same hashing work as a known one, so
neither the answer nor its timing tells which emails have accounts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.accounts.schema import accounts, aware

Role = Literal["health_visitor", "service_staff"]
ROLES: tuple[Role, ...] = ("health_visitor", "service_staff")
ROLE_NAMES = {"health_visitor": "Health visitor", "service_staff": "Service staff"}
MIN_PASSWORD_LENGTH = 12
# Argon2 hashes whatever it is given; a cap keeps one request from costing minutes.
MAX_PASSWORD_LENGTH = 1024
MAX_FAILURES = 5
LOCK_MINUTES = 15
Refusal = Literal["unknown", "wrong_password", "locked"]


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    name: str
    role: Role
    service: str | None
    failed_attempts: int
    locked_until: dt.datetime | None
    created_at: dt.datetime

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]

    def may_see(self, service: str) -> bool:
        """Service staff see their own service's drafts only; health visitors any service's."""
        return self.role != "service_staff" or self.service == service


class AccountError(ValueError):
    """An account that cannot be created as asked (the message says why)."""


class SignInRefused(Exception):
    """Sign-in failed. `reason` is for the audit log only: people are told the same thing."""

    def __init__(self, reason: Refusal, account: Account | None, locked_now: bool = False) -> None:
        super().__init__("sign-in refused")
        self.reason = reason
        self.account = account
        # True when this failure is the one that locked the account.
        self.locked_now = locked_now


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at most {MAX_PASSWORD_LENGTH} characters")


class AccountStore:
    def __init__(
        self,
        engine: sa.engine.Engine,
        hasher: PasswordHasher | None = None,
        max_failures: int = MAX_FAILURES,
        lock_minutes: int = LOCK_MINUTES,
    ) -> None:
        self._engine = engine
        self._hasher = hasher or PasswordHasher()
        self.max_failures = max_failures
        self.lock = dt.timedelta(minutes=lock_minutes)
        # Verified against for unknown emails, so they cost the same work as known ones.
        self._dummy_hash = self._hasher.hash("not-a-password-anyone-has")

    def create_account(
        self,
        email: str,
        name: str,
        role: str,
        password: str,
        now: dt.datetime,
        service: str | None = None,
    ) -> Account:
        email = normalise_email(email)
        name = name.strip()
        if "@" not in email or len(email) > 254 or any(ch.isspace() for ch in email):
            raise AccountError("an email address such as name@example.org is needed")
        if not name or len(name) > 120:
            raise AccountError("a display name of 1 to 120 characters is needed")
        if role not in ROLES:
            raise AccountError(f"the role must be one of {', '.join(ROLES)}")
        if role == "health_visitor" and service:
            raise AccountError("a health visitor's account is not tied to one service")
        if role == "service_staff" and not service:
            raise AccountError("service staff need --service, the service whose drafts they see")
        check_password(password)
        values = {
            "email": email,
            "name": name,
            "role": role,
            "service": service or None,
            "password_hash": self._hasher.hash(password),
            "failed_attempts": 0,
            "locked_until": None,
            "created_at": now,
        }
        try:
            with self._engine.begin() as connection:
                connection.execute(accounts.insert().values(**values))
        except sa.exc.IntegrityError:
            raise AccountError(f"there is already an account for {email}") from None
        account = self.by_email(email)
        assert account is not None
        return account

    def authenticate(self, email: str, password: str, now: dt.datetime) -> Account:
        """The account, or SignInRefused. Counts failures and locks after too many."""
        password = password[:MAX_PASSWORD_LENGTH]
        row = self._row(accounts.c.email == normalise_email(email))
        if row is None:
            self._verify(self._dummy_hash, password)
            raise SignInRefused("unknown", None)
        account = _account(row)
        if account.locked_until is not None and account.locked_until > now:
            self._verify(self._dummy_hash, password)
            raise SignInRefused("locked", account)
        # A lock that has run out starts the count again.
        failures = 0 if account.locked_until is not None else account.failed_attempts
        if not self._verify(row.password_hash, password):
            failures += 1
            locked = failures >= self.max_failures
            self._set(
                account.id,
                failed_attempts=0 if locked else failures,
                locked_until=now + self.lock if locked else None,
            )
            raise SignInRefused("wrong_password", account, locked_now=locked)
        values: dict = {"failed_attempts": 0, "locked_until": None}
        if self._hasher.check_needs_rehash(row.password_hash):
            values["password_hash"] = self._hasher.hash(password)
        self._set(account.id, **values)
        return self.get(account.id) or account

    def get(self, account_id: int) -> Account | None:
        row = self._row(accounts.c.id == account_id)
        return _account(row) if row else None

    def by_email(self, email: str) -> Account | None:
        row = self._row(accounts.c.email == normalise_email(email))
        return _account(row) if row else None

    def all(self) -> list[Account]:
        with self._engine.connect() as connection:
            rows = connection.execute(accounts.select().order_by(accounts.c.email)).all()
        return [_account(row) for row in rows]

    def unlock(self, email: str) -> bool:
        """Lifts a lock and clears the failure count. False when there is no such account."""
        account = self.by_email(email)
        if account is None:
            return False
        self._set(account.id, failed_attempts=0, locked_until=None)
        return True

    def set_password(self, email: str, password: str) -> bool:
        check_password(password)
        account = self.by_email(email)
        if account is None:
            return False
        self._set(account.id, password_hash=self._hasher.hash(password))
        return True

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _row(self, where: sa.sql.ColumnElement) -> sa.engine.Row | None:
        with self._engine.connect() as connection:
            return connection.execute(accounts.select().where(where)).first()

    def _set(self, account_id: int, **values: object) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                accounts.update().where(accounts.c.id == account_id).values(**values)
            )


def _account(row: sa.engine.Row) -> Account:
    return Account(
        id=row.id,
        email=row.email,
        name=row.name,
        role=row.role,
        service=row.service,
        failed_attempts=row.failed_attempts,
        locked_until=aware(row.locked_until) if row.locked_until else None,
        created_at=aware(row.created_at),
    )
