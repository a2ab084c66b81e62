"""`portage purge`: expired handoffs and idle conversations go; everything else stays."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from bot.cli import main
from bot.handoff.store import HandoffStore
from bot.retention import purge

# Real time: the command reads the clock, so the stored events are placed relative to it.
NOW = dt.datetime.now(dt.timezone.utc)
SECRET = b"0123456789abcdef-test-secret"


@pytest.fixture
def urls(tmp_path) -> tuple[str, str]:
    database = f"sqlite:///{tmp_path / 'portage.db'}"
    tracker = f"sqlite:///{tmp_path / 'rasa.db'}"
    engine = sa.create_engine(tracker)
    with engine.begin() as connection:
        # The columns of Rasa's SQL tracker store that purge relies on.
        connection.execute(
            sa.text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp REAL)")
        )
        for sender, days_ago in (("idle-family", 30), ("idle-family", 20), ("active-family", 1)):
            stamp = (NOW - dt.timedelta(days=days_ago)).timestamp()
            connection.execute(
                sa.text("INSERT INTO events (sender_id, timestamp) VALUES (:s, :t)"),
                {"s": sender, "t": stamp},
            )
        connection.execute(
            sa.text("INSERT INTO events (sender_id, timestamp) VALUES ('idle-then-back', :t)"),
            {"t": (NOW - dt.timedelta(days=40)).timestamp()},
        )
        connection.execute(
            sa.text("INSERT INTO events (sender_id, timestamp) VALUES ('idle-then-back', :t)"),
            {"t": (NOW - dt.timedelta(days=2)).timestamp()},
        )
    return database, tracker


def _senders(tracker: str) -> set[str]:
    with sa.create_engine(tracker).connect() as connection:
        return {row[0] for row in connection.execute(sa.text("SELECT sender_id FROM events"))}


def test_purge_removes_expired_handoffs_and_idle_conversations(urls) -> None:
    database, tracker = urls
    store = HandoffStore(database, SECRET)
    store.create("hampshire", "en", {}, {}, NOW - dt.timedelta(days=15))
    kept, _, _ = store.create("hampshire", "en", {}, {}, NOW)
    purged = purge(database, tracker, NOW, conversation_days=14)
    assert (purged.handoffs, purged.conversations) == (1, 1)
    assert _senders(tracker) == {"active-family", "idle-then-back"}
    assert store.find(kept, NOW) is not None
    # Nothing left to purge: a second run deletes nothing.
    again = purge(database, tracker, NOW, conversation_days=14)
    assert (again.handoffs, again.conversations) == (0, 0)


def test_purge_on_empty_databases_does_nothing(tmp_path) -> None:
    purged = purge(f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}", NOW)
    assert (purged.handoffs, purged.conversations) == (0, 0)


def test_the_command(urls, monkeypatch, capsys) -> None:
    database, tracker = urls
    monkeypatch.setenv("PORTAGE_DATABASE_URL", database)
    monkeypatch.setenv("PORTAGE_TRACKER_URL", tracker)
    assert main(["purge", "--conversation-days", "7"]) == 0
    assert "conversations idle for more than 7 days" in capsys.readouterr().out
    assert _senders(tracker) == {"active-family", "idle-then-back"}


def test_purge_removes_professionals_screening_links_that_can_no_longer_be_used(urls) -> None:
    from bot.accounts.stores import open_stores

    database, tracker = urls
    screenings = open_stores(database).screenings
    screenings.start("started-just-now-01", 1, "hampshire", "pl", NOW)
    screenings.start("started-two-days-ago", 1, "hampshire", "pl", NOW - dt.timedelta(days=2))
    purged = purge(database, tracker, NOW)
    assert purged.screenings == 1
    assert screenings.get("started-just-now-01", 1, NOW) is not None


def test_the_default_database_lives_in_var_which_is_made_if_missing(monkeypatch, tmp_path) -> None:
    import bot.retention as retention

    monkeypatch.delenv("PORTAGE_DATABASE_URL", raising=False)
    monkeypatch.setattr(retention, "REPO_ROOT", tmp_path)
    assert retention.database_url() == f"sqlite:///{tmp_path / 'var' / 'portage.db'}"
    assert (tmp_path / "var").is_dir()
