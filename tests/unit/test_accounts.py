"""Professional accounts: Argon2 hashes, generic refusals, lockout, sessions, audit and limits."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from bot.accounts.accounts import AccountError, AccountStore, SignInRefused
from bot.accounts.audit import AuditLog
from bot.accounts.ratelimit import RateLimiter, limit_key
from bot.accounts.schema import engine_for
from bot.accounts.screenings import ScreeningRegister
from bot.accounts.sessions import SessionStore, token_hash

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
PASSWORD = "correct horse battery staple"
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class CountingHasher(PasswordHasher):
    """Counts verifications, to show unknown emails cost the same work as known ones."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified = 0

    def verify(self, hash, password) -> bool:
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'portage.db'}"


@pytest.fixture
def engine(url: str) -> sa.engine.Engine:
    return engine_for(url)


@pytest.fixture
def accounts(engine) -> AccountStore:
    store = AccountStore(engine, CHEAP)
    store.create_account("HV@NHS.example", "H. Visitor", "health_visitor", PASSWORD, NOW)
    return store


def _refusal(store: AccountStore, email: str, password: str, now: dt.datetime = NOW):
    with pytest.raises(SignInRefused) as refused:
        store.authenticate(email, password, now)
    return refused.value


def test_emails_are_kept_lowercased_and_unique(accounts: AccountStore) -> None:
    account = accounts.by_email(" hv@nhs.EXAMPLE ")
    assert account is not None and account.email == "hv@nhs.example"
    with pytest.raises(AccountError, match="already an account"):
        accounts.create_account("hv@nhs.example", "Other", "health_visitor", PASSWORD, NOW)


@pytest.mark.parametrize(
    ("email", "role", "service", "password", "problem"),
    [
        ("a@b.example", "health_visitor", None, "short", "at least 12"),
        ("not-an-email", "health_visitor", None, PASSWORD, "email"),
        ("a@b.example", "admin", None, PASSWORD, "role"),
        ("a@b.example", "service_staff", None, PASSWORD, "--service"),
        ("a@b.example", "health_visitor", "coventry", PASSWORD, "not tied"),
        ("a@b.example", "health_visitor", None, "x" * 1025, "at most"),
    ],
)
def test_accounts_are_checked_before_they_are_made(
    accounts: AccountStore, email, role, service, password, problem
) -> None:
    with pytest.raises(AccountError, match=problem):
        accounts.create_account(email, "Name", role, password, NOW, service)
    assert accounts.by_email(email) is None


def test_only_an_argon2id_hash_of_the_password_is_stored(accounts: AccountStore, engine) -> None:
    with engine.connect() as connection:
        (stored,) = connection.execute(sa.text("SELECT password_hash FROM portage_accounts")).one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_the_right_password_signs_in(accounts: AccountStore) -> None:
    account = accounts.authenticate("Hv@nhs.example", PASSWORD, NOW)
    assert account.email == "hv@nhs.example" and account.role == "health_visitor"
    assert account.may_see("hampshire") and account.may_see("coventry")


def test_every_refusal_looks_the_same_and_costs_a_hash() -> None:
    hasher = CountingHasher()
    store = AccountStore(engine_for("sqlite://"), hasher)
    store.create_account("hv@nhs.example", "H. Visitor", "health_visitor", PASSWORD, NOW)
    wrong = _refusal(store, "hv@nhs.example", "wrong password!!")
    assert hasher.verified == 1
    unknown = _refusal(store, "nobody@nhs.example", PASSWORD)
    assert hasher.verified == 2
    assert (wrong.reason, unknown.reason) == ("wrong_password", "unknown")
    assert str(wrong) == str(unknown) == "sign-in refused"
    assert unknown.account is None


def test_five_failures_lock_the_account_for_fifteen_minutes(accounts: AccountStore) -> None:
    for attempt in range(1, 6):
        refused = _refusal(accounts, "hv@nhs.example", "wrong password!!")
        assert refused.locked_now == (attempt == 5)
    locked = _refusal(accounts, "hv@nhs.example", PASSWORD, NOW + dt.timedelta(minutes=14))
    assert locked.reason == "locked"
    assert str(locked) == "sign-in refused"
    later = NOW + dt.timedelta(minutes=15)
    assert accounts.authenticate("hv@nhs.example", PASSWORD, later).failed_attempts == 0


def test_after_a_lock_runs_out_the_count_starts_again(accounts: AccountStore) -> None:
    for _ in range(5):
        _refusal(accounts, "hv@nhs.example", "wrong password!!")
    later = NOW + dt.timedelta(minutes=20)
    assert not _refusal(accounts, "hv@nhs.example", "wrong password!!", later).locked_now
    assert accounts.authenticate("hv@nhs.example", PASSWORD, later) is not None


def test_unlock_lifts_a_lock_at_once(accounts: AccountStore) -> None:
    for _ in range(5):
        _refusal(accounts, "hv@nhs.example", "wrong password!!")
    assert accounts.unlock("HV@nhs.example")
    assert accounts.authenticate("hv@nhs.example", PASSWORD, NOW) is not None
    assert not accounts.unlock("nobody@nhs.example")


def test_a_hash_is_renewed_when_the_argon2_parameters_change(engine) -> None:
    weak = AccountStore(engine, CHEAP)
    weak.create_account("hv@nhs.example", "H. Visitor", "health_visitor", PASSWORD, NOW)
    stronger = AccountStore(engine, PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1))

    def stored() -> str:
        with engine.connect() as connection:
            return connection.execute(
                sa.text("SELECT password_hash FROM portage_accounts")
            ).scalar()

    assert "m=1024,t=1" in stored()
    stronger.authenticate("hv@nhs.example", PASSWORD, NOW)
    assert "m=2048,t=2" in stored()
    assert stronger.authenticate("hv@nhs.example", PASSWORD, NOW) is not None


def test_service_staff_see_their_own_service_only(engine) -> None:
    store = AccountStore(engine, CHEAP)
    staff = store.create_account(
        "co@coventry.example", "Co", "service_staff", PASSWORD, NOW, "coventry"
    )
    assert staff.may_see("coventry") and not staff.may_see("hampshire")


def test_sessions_keep_only_a_hash_of_their_token(accounts: AccountStore, engine) -> None:
    sessions = SessionStore(engine)
    account = accounts.by_email("hv@nhs.example")
    token, session = sessions.start(account.id, NOW)
    with engine.connect() as connection:
        (stored,) = connection.execute(sa.text("SELECT token_hash FROM portage_pro_sessions")).one()
    assert stored == token_hash(token) != token
    found = sessions.get(token, NOW)
    assert found is not None and found.csrf_token == session.csrf_token
    assert sessions.get(token + "x", NOW) is None and sessions.get("", NOW) is None


def test_sessions_end_when_idle_or_old(accounts: AccountStore, engine) -> None:
    sessions = SessionStore(engine, idle_minutes=120, absolute_hours=8)
    account_id = accounts.by_email("hv@nhs.example").id
    idle, _ = sessions.start(account_id, NOW)
    assert sessions.get(idle, NOW + dt.timedelta(minutes=119)) is not None
    assert sessions.get(idle, NOW + dt.timedelta(minutes=119 + 120)) is None
    busy, _ = sessions.start(account_id, NOW)
    for hour in range(1, 8):
        assert sessions.get(busy, NOW + dt.timedelta(hours=hour)) is not None
    assert sessions.get(busy, NOW + dt.timedelta(hours=8)) is None


def test_ended_sessions_are_deleted_when_a_new_one_starts(accounts: AccountStore, engine) -> None:
    sessions = SessionStore(engine, idle_minutes=120, absolute_hours=8)
    account_id = accounts.by_email("hv@nhs.example").id
    sessions.start(account_id, NOW)
    sessions.start(account_id, NOW + dt.timedelta(minutes=60))
    sessions.start(account_id, NOW + dt.timedelta(minutes=150))
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM portage_pro_sessions")).scalar()
    assert count == 2


def test_a_session_remembers_the_handoffs_it_opened(accounts: AccountStore, engine) -> None:
    sessions = SessionStore(engine)
    token, session = sessions.start(accounts.by_email("hv@nhs.example").id, NOW)
    sessions.add_opened(session, "handoff-one")
    sessions.add_opened(sessions.get(token, NOW), "handoff-two")
    sessions.add_opened(sessions.get(token, NOW), "handoff-one")
    assert sessions.get(token, NOW).opened == ("handoff-one", "handoff-two")
    sessions.end(token)
    assert sessions.get(token, NOW) is None


def test_the_audit_log_lists_entries_oldest_first(engine) -> None:
    audit = AuditLog(engine)
    audit.record("signed_in", NOW, 1, "hv@nhs.example")
    audit.record("opened", NOW + dt.timedelta(days=3), 1, "hv@nhs.example", "abc")
    entries = audit.entries()
    assert [(e.action, e.handoff_id) for e in entries] == [("signed_in", None), ("opened", "abc")]
    assert [e.action for e in audit.entries(since=NOW + dt.timedelta(days=1))] == ["opened"]


def test_lookups_are_limited_per_key_within_the_window(url: str) -> None:
    limiter = RateLimiter(engine_for(url), limit=10, window_minutes=15)
    mine, address = limit_key("account", "1"), limit_key("ip", "203.0.113.5")
    for minute in range(10):
        assert limiter.allow([mine, address], NOW + dt.timedelta(minutes=minute))
    assert not limiter.allow([mine, address], NOW + dt.timedelta(minutes=10))
    # Another account from the same address is held back by the address's count.
    assert not limiter.allow([limit_key("account", "2"), address], NOW + dt.timedelta(minutes=10))
    assert limiter.allow([limit_key("account", "2")], NOW + dt.timedelta(minutes=10))
    # The count is in the database: a restarted process sees it.
    restarted = RateLimiter(engine_for(url), limit=10, window_minutes=15)
    assert not restarted.allow([mine], NOW + dt.timedelta(minutes=14))
    # The window slides: the first lookup falls out of it after 15 minutes.
    assert restarted.allow([mine], NOW + dt.timedelta(minutes=15))
    assert not restarted.allow([mine], NOW + dt.timedelta(minutes=15))


def test_no_client_address_is_stored_as_such(engine) -> None:
    RateLimiter(engine).allow([limit_key("ip", "203.0.113.5")], NOW)
    with engine.connect() as connection:
        (key,) = connection.execute(sa.text("SELECT key FROM portage_rate_events")).one()
    assert "203.0.113.5" not in key and len(key) == 64


def test_a_started_screening_belongs_to_its_professional_for_a_day(engine) -> None:
    register = ScreeningRegister(engine)
    register.start("a" * 32, 1, "hampshire", "pl", NOW)
    assert register.get("a" * 32, 1, NOW).language == "pl"
    assert register.get("a" * 32, 2, NOW) is None
    assert register.get("a" * 32, 1, NOW + dt.timedelta(hours=24)) is None
    register.start("b" * 32, 1, "hampshire", "pl", NOW)
    register.link_handoff("a" * 32, "handoff-id")
    assert register.started_by(1, "handoff-id") and not register.started_by(2, "handoff-id")
    assert register.handoffs_of(1) == ["handoff-id"] and register.handoffs_of(2) == []
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT sender_hash FROM portage_pro_screenings")).all()
    assert len(stored) == 2 and ("a" * 32,) not in stored
    # The unused one goes after a day; the one with a draft stays while the draft may.
    assert register.purge(NOW + dt.timedelta(hours=24)) == 1
    assert register.started_by(1, "handoff-id")
    assert register.purge(NOW + dt.timedelta(days=90)) == 1
