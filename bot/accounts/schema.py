"""The professional view's tables, beside the handoffs in the same database."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

metadata = sa.MetaData()

accounts = sa.Table(
    "portage_accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(254), nullable=False, unique=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    # Service staff see only their service's drafts; health visitors have none.
    sa.Column("service", sa.String(40), nullable=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("failed_attempts", sa.Integer, nullable=False, default=0),
    sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

sessions = sa.Table(
    "portage_pro_sessions",
    metadata,
    # A SHA-256 of the cookie's token: a copy of the database cannot be used to sign in.
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column(
        "account_id",
        sa.Integer,
        sa.ForeignKey("portage_accounts.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    # Handoff ids this session opened with a code (JSON list).
    sa.Column("opened", sa.Text, nullable=False, default="[]"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False, index=True),
)

audit = sa.Table(
    "portage_audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("account_id", sa.Integer, nullable=True),
    # Kept as it was at the time, so the log still reads after an account is removed.
    sa.Column("email", sa.String(254), nullable=True),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("handoff_id", sa.String(32), nullable=True),
)

rate_events = sa.Table(
    "portage_rate_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # A SHA-256 of e.g. "ip:203.0.113.5": no address is stored as such.
    sa.Column("key", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
)

screenings = sa.Table(
    "portage_pro_screenings",
    metadata,
    # A SHA-256 of the conversation id: the id itself opens the family's summary.
    sa.Column("sender_hash", sa.String(64), primary_key=True),
    sa.Column("account_id", sa.Integer, nullable=False, index=True),
    sa.Column("service", sa.String(40), nullable=False),
    sa.Column("language", sa.String(10), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # The handoff made from it, once the family agreed.
    sa.Column("handoff_id", sa.String(32), nullable=True, index=True),
)


def engine_for(url: str) -> sa.engine.Engine:
    """An engine with every table of the professional view created."""
    engine = sa.create_engine(url)
    metadata.create_all(engine)
    return engine


def aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
