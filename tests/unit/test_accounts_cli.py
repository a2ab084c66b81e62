"""`portage account` and `portage audit`: accounts made from the command line, never with a
password on it."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from bot.accounts.stores import open_stores
from bot.cli import main

PASSWORD = "correct horse battery staple"


@pytest.fixture
def database(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'portage.db'}"
    monkeypatch.setenv("PORTAGE_DATABASE_URL", url)
    return url


def _add(monkeypatch, *extra: str, password: str = PASSWORD) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["account", "add", "--password-stdin", *extra])


def test_add_reads_the_password_from_stdin(database, monkeypatch, capsys) -> None:
    code = _add(
        monkeypatch, "--email", "HV@NHS.example", "--name", "H. Visitor", "--role", "health_visitor"
    )
    assert code == 0
    assert "created health visitor account hv@nhs.example" in capsys.readouterr().out
    account = open_stores(database).accounts.authenticate(
        "hv@nhs.example", PASSWORD, dt.datetime.now(dt.timezone.utc)
    )
    assert account.name == "H. Visitor"


def test_add_asks_twice_without_echo(database, monkeypatch, capsys) -> None:
    answers = iter([PASSWORD, PASSWORD + " typo"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code = main(
        ["account", "add", "--email", "a@b.example", "--name", "A", "--role", "health_visitor"]
    )
    assert code == 2
    assert "the passwords differ" in capsys.readouterr().err
    assert open_stores(database).accounts.by_email("a@b.example") is None
    same = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(same))
    code = main(
        ["account", "add", "--email", "a@b.example", "--name", "A", "--role", "health_visitor"]
    )
    assert code == 0


def test_add_refuses_short_passwords_unknown_services_and_duplicates(
    database, monkeypatch, capsys
) -> None:
    base = ["--email", "co@coventry.example", "--name", "Co", "--role", "service_staff"]
    assert _add(monkeypatch, *base, "--service", "coventry", password="too short") == 2
    assert "at least 12 characters" in capsys.readouterr().err
    assert _add(monkeypatch, *base, "--service", "atlantis") == 2
    assert "atlantis" in capsys.readouterr().err
    assert _add(monkeypatch, *base) == 2
    assert "--service" in capsys.readouterr().err
    assert _add(monkeypatch, *base, "--service", "coventry") == 0
    assert _add(monkeypatch, *base, "--service", "coventry") == 2
    assert "already an account" in capsys.readouterr().err


def test_the_role_must_be_one_of_the_two(database, monkeypatch) -> None:
    with pytest.raises(SystemExit):
        _add(monkeypatch, "--email", "a@b.example", "--name", "A", "--role", "admin")


def test_list_and_unlock(database, monkeypatch, capsys) -> None:
    _add(
        monkeypatch, "--email", "hv@nhs.example", "--name", "H. Visitor", "--role", "health_visitor"
    )
    accounts = open_stores(database).accounts
    now = dt.datetime.now(dt.timezone.utc)
    for _ in range(5):
        with pytest.raises(Exception, match="sign-in refused"):
            accounts.authenticate("hv@nhs.example", "wrong password!!", now)
    capsys.readouterr()
    assert main(["account", "list"]) == 0
    listing = capsys.readouterr().out
    assert "hv@nhs.example" in listing and "locked" in listing and "1 accounts" in listing
    assert PASSWORD not in listing and "argon2" not in listing
    assert main(["account", "unlock", "--email", "HV@nhs.example"]) == 0
    main(["account", "list"])
    assert "active" in capsys.readouterr().out
    assert main(["account", "unlock", "--email", "nobody@nhs.example"]) == 1


def test_audit_prints_the_recent_entries(database, capsys) -> None:
    audit = open_stores(database).audit
    now = dt.datetime.now(dt.timezone.utc)
    audit.record("opened", now - dt.timedelta(days=40), 1, "old@nhs.example", "old-handoff")
    audit.record("exported_pdf", now, 1, "hv@nhs.example", "new-handoff")
    assert main(["audit", "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert "hv@nhs.example" in out and "exported_pdf" in out and "new-handoff" in out
    assert "old-handoff" not in out and "1 entries in the last 30 days" in out
