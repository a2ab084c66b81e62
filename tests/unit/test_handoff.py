"""Handoff codes: hard to guess, forgiving to type, stored only hashed, gone when they expire."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa

from bot.handoff.codes import ALPHABET, InvalidCode, code_hash, new_code, normalise
from bot.handoff.store import HandoffStore

SECRET = b"0123456789abcdef-test-secret"
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
CONSENT = {"given_at": NOW.isoformat(), "language": "pl", "wording_version": 1}


@pytest.fixture
def store(tmp_path) -> HandoffStore:
    return HandoffStore(f"sqlite:///{tmp_path / 'handoffs.db'}", SECRET)


def test_codes_are_short_unambiguous_and_different() -> None:
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)
        assert not set(code.replace("-", "")) - set(ALPHABET)
    assert not set("01ILOU") & set(ALPHABET)


def test_typed_codes_are_forgiven_case_spaces_and_dashes() -> None:
    code = new_code()
    assert normalise(code.lower().replace("-", " ")) == code
    assert code_hash(f" {code.replace('-', '')} ", SECRET) == code_hash(code, SECRET)


@pytest.mark.parametrize(
    "typed", ["", "ABC", "7KQ2M-XW4P", "7KQ2M-XW4PD5", "7KQ2O-XW4PD", "<script>"]
)
def test_anything_else_is_not_a_code(typed: str) -> None:
    with pytest.raises(InvalidCode):
        normalise(typed)


def test_a_code_opens_its_answers_until_it_expires(store: HandoffStore) -> None:
    code, expires, _ = store.create("hampshire", "pl", {"child_age_months": 26}, CONSENT, NOW)
    assert expires == NOW + dt.timedelta(days=14)
    found = store.find(code, NOW + dt.timedelta(days=13))
    assert found is not None
    assert (found.service, found.language, found.slots) == (
        "hampshire",
        "pl",
        {"child_age_months": 26},
    )
    assert found.consent == CONSENT
    assert store.find(code, expires) is None
    assert store.find(new_code(), NOW) is None


def test_the_expiry_is_configurable(tmp_path) -> None:
    store = HandoffStore(f"sqlite:///{tmp_path / 'h.db'}", SECRET, days=3)
    _, expires, _ = store.create("coventry", "en", {}, CONSENT, NOW)
    assert expires == NOW + dt.timedelta(days=3)


def test_only_a_keyed_hash_of_the_code_is_stored(store: HandoffStore, tmp_path) -> None:
    code, _, _ = store.create("dcts", "en", {"child_age_months": 20}, CONSENT, NOW)
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'handoffs.db'}")
    with engine.connect() as connection:
        (stored,) = connection.execute(sa.text("SELECT code_hash FROM portage_handoffs")).one()
    assert code.replace("-", "") not in stored and code not in stored
    assert stored == code_hash(code, SECRET) != code_hash(code, b"another-secret-of-16+")


def test_purge_deletes_only_what_has_expired(store: HandoffStore) -> None:
    store.create("eyss", "en", {}, CONSENT, NOW - dt.timedelta(days=20))
    fresh, _, _ = store.create("eyss", "en", {}, CONSENT, NOW)
    assert store.purge(NOW) == 1
    assert store.find(fresh, NOW) is not None
    assert store.purge(NOW) == 0


def test_a_short_secret_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError):
        HandoffStore(f"sqlite:///{tmp_path / 'x.db'}", b"short")


def test_an_opened_handoff_is_found_by_its_id_and_records_the_professionals_work(
    store: HandoffStore,
) -> None:
    code, _, handoff_id = store.create("coventry", "pl", {"child_age_months": 30}, CONSENT, NOW)
    opened = store.find(code, NOW)
    assert opened is not None and opened.status == "new" and opened.completion == {}
    assert opened.id == handoff_id
    assert opened.id not in code and len(opened.id) >= 20
    store.save_completion(opened.id, {"referrer.name": "A Visitor"}, "completed")
    later = store.get(opened.id, NOW)
    assert later is not None
    assert (later.completion, later.status) == ({"referrer.name": "A Visitor"}, "completed")
    store.mark_sent(opened.id, NOW)
    sent = store.get(opened.id, NOW)
    assert sent is not None and (sent.status, sent.sent_at) == ("sent", NOW)
    assert store.get(opened.id, NOW + dt.timedelta(days=15)) is None
    with pytest.raises(KeyError):
        store.mark_sent("no-such-id", NOW)


def test_a_family_can_delete_its_handoff_at_once(store: HandoffStore) -> None:
    code, _, _ = store.create("hampshire", "en", {}, CONSENT, NOW)
    assert store.delete(code.lower()) is True
    assert store.find(code, NOW) is None
    assert store.delete(code) is False
    assert store.delete("not a code") is False
    assert store.find("<script>", NOW) is None
