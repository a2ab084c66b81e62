"""The consent wording and the code's QR code, in English and Polish."""

from __future__ import annotations

import datetime as dt

import pytest
import segno

from bot.handoff.codes import InvalidCode
from bot.handoff.consent import consent_record, consent_wording, issued, offer
from bot.handoff.qr import qr_svg
from bot.i18n import Translator
from bot.profiles import get_profile

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("language", ["en", "pl"])
def test_the_wording_names_what_who_and_how_long_in_the_familys_language(language) -> None:
    profile = get_profile("eyss")
    missing: list[str] = []
    wording = consent_wording(profile, Translator(language, on_missing=missing.append), 14)
    assert not missing, missing
    assert len(wording) == 4
    assert profile.name in wording[2]
    assert "14" in wording[3]


def test_one_day_and_many_days_read_right_in_polish() -> None:
    t = Translator("pl")
    assert "1 dzień" in consent_wording(get_profile("dcts"), t, 1)[3]
    assert "5 dni" in consent_wording(get_profile("dcts"), t, 5)[3]


def test_the_record_keeps_both_wordings_and_when() -> None:
    record = consent_record(get_profile("hampshire"), "pl", 14, NOW)
    assert record["given_at"] == "2026-11-24T09:30:00+00:00"
    assert "pielęgniarki środowiskowe" in record["wording"]
    assert "health visitors" in record["wording_en"]
    assert record["days"] == 14 and record["version"] == 1


def test_the_offer_asks_before_anything_is_kept() -> None:
    reply = offer(get_profile("coventry"), Translator("pl"), 14, has_answers=True)
    assert reply.messages[-1] == "Czy się zgadzasz?"
    assert [b.payload for b in reply.buttons] == ["/affirm", "/deny"]
    assert reply.control == {}


def test_the_code_is_said_with_its_last_day_in_the_familys_format() -> None:
    reply = issued("7KQ2M-XW4PD", NOW + dt.timedelta(days=14), Translator("en"))
    assert "7KQ2M-XW4PD" in reply.messages[0] and "8 December 2026" in reply.messages[0]
    assert reply.control == {"handoff": {"code": "7KQ2M-XW4PD", "expires": "2026-12-08"}}


def test_the_qr_code_holds_exactly_the_code() -> None:
    svg = qr_svg("7kq2m-xw4pd").decode()
    expected = segno.make_qr("7KQ2M-XW4PD", error="m")
    assert svg.startswith("<svg") and f'width="{(expected.symbol_size(scale=6)[0])}"' in svg
    assert qr_svg("7KQ2M-XW4PD") == qr_svg("7kq2m xw4pd")
    assert qr_svg("7KQ2M-XW4PD") != qr_svg("7KQ2M-XW4PE")
    with pytest.raises(InvalidCode):
        qr_svg("<svg onload=alert(1)>")
