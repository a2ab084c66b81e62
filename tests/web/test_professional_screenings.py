"""A health visitor starts a screening with a family in the family's language, and gets the
English draft referral straight away once the family agrees in person."""

from __future__ import annotations

import re

from tests.unit.test_summary import SLOTS
from tests.web.professional_support import STAFF_EMAIL, Pro, error_summary
from web_widget.schemas import SENDER_PATTERN

pytest_plugins = ["tests.web.professional_fixtures"]


def _start(pro: Pro, language: str = "pl", service: str = "hampshire") -> str:
    response = pro.post(
        "/pro/screenings/new", {"language": language, "service": service}, "/pro/screenings/new"
    )
    assert response.status_code == 303, response.text
    return response.headers["location"]


def test_the_form_offers_the_familys_languages_and_the_services(signed_in: Pro) -> None:
    page = signed_in.client.get("/pro/screenings/new")
    assert page.status_code == 200
    assert '<option value="pl">Polish – Polski</option>' in page.text
    assert '<option value="hampshire">Hampshire Portage Service</option>' in page.text


def test_a_screening_gets_a_new_conversation_for_the_chat_page(signed_in: Pro) -> None:
    path = _start(signed_in)
    sender = path.rsplit("/", 1)[1]
    assert re.fullmatch(SENDER_PATTERN, sender)
    assert sender != _start(signed_in).rsplit("/", 1)[1]
    page = signed_in.client.get(path)
    assert page.status_code == 200
    assert f'href="/chat?service=hampshire&amp;language=pl&amp;sender={sender}"' in page.text
    assert f'href="/pro/screenings/{sender}/draft"' in page.text
    assert signed_in.actions()[-1] == "started_screening"
    assert all(sender not in repr(entry) for entry in signed_in.stores.audit.entries())


def test_unknown_languages_and_services_are_refused(signed_in: Pro) -> None:
    response = signed_in.post(
        "/pro/screenings/new", {"language": "xx", "service": "atlantis"}, "/pro/screenings/new"
    )
    assert response.status_code == 400
    summary = error_summary(response.text)
    assert "Select the family&#39;s language" in summary
    assert "Select the Portage service" in summary


def test_service_staff_start_screenings_for_their_service_only(pro: Pro) -> None:
    pro.add_account(STAFF_EMAIL, "service_staff", "coventry")
    pro.sign_in(STAFF_EMAIL)
    page = pro.client.get("/pro/screenings/new").text
    assert 'value="coventry"' in page and 'value="hampshire"' not in page
    response = pro.post(
        "/pro/screenings/new", {"language": "pl", "service": "hampshire"}, "/pro/screenings/new"
    )
    assert response.status_code == 400


def test_no_draft_before_the_family_has_answered(signed_in: Pro) -> None:
    path = _start(signed_in)
    response = signed_in.client.get(f"{path}/draft")
    assert response.status_code == 404
    assert "no screening answers yet" in response.text


def test_the_family_agrees_in_person_and_the_draft_is_made(signed_in: Pro) -> None:
    path = _start(signed_in)
    sender = path.rsplit("/", 1)[1]
    signed_in.fake_rasa.slots[sender] = {
        **SLOTS,
        "language": "pl",
        "service": "hampshire",
        "session_started_metadata": {"note": "not a screening answer"},
    }
    page = signed_in.client.get(f"{path}/draft")
    assert page.status_code == 200
    assert "The family answered in Polish" in page.text
    assert "2 years and 2 months" in page.text  # their answers, in English
    refused = signed_in.post(f"{path}/draft", {}, f"{path}/draft")
    assert refused.status_code == 400
    assert "Confirm that the family agreed, in person" in error_summary(refused.text)
    response = signed_in.post(f"{path}/draft", {"family_agreed": "yes"}, f"{path}/draft")
    assert response.status_code == 303
    draft_path = response.headers["location"]
    handoff = signed_in.handoffs.get(draft_path.rsplit("/", 1)[1], signed_in.clock.now)
    assert handoff.origin == "professional" and handoff.language == "pl"
    assert handoff.service == "hampshire"
    assert handoff.slots["child_age_months"] == 26
    assert "session_started_metadata" not in handoff.slots
    assert handoff.consent["recorded_by_role"] == "health visitor"
    assert handoff.consent["given_at"] == signed_in.clock.now.isoformat()
    draft = signed_in.client.get(draft_path)
    assert draft.status_code == 200
    assert "In person, to a health visitor" in draft.text
    assert "Polish" in draft.text and 'name="child.name"' in draft.text
    # Coming back to the screening leads to the same draft, not a second one.
    again = signed_in.client.get(f"{path}/draft")
    assert again.status_code == 303 and again.headers["location"] == draft_path
    assert signed_in.actions()[-2:] == ["started_screening", "created_draft"]


def test_the_language_chosen_at_the_start_holds_when_the_chat_has_none(signed_in: Pro) -> None:
    path = _start(signed_in, language="pl")
    signed_in.fake_rasa.slots[path.rsplit("/", 1)[1]] = SLOTS  # no language slot
    response = signed_in.post(f"{path}/draft", {"family_agreed": "yes"}, f"{path}/draft")
    handoff_id = response.headers["location"].rsplit("/", 1)[1]
    assert signed_in.handoffs.get(handoff_id, signed_in.clock.now).language == "pl"


def test_the_draft_stays_with_the_professional_who_started_it(signed_in: Pro) -> None:
    path = _start(signed_in)
    sender = path.rsplit("/", 1)[1]
    signed_in.fake_rasa.slots[sender] = {**SLOTS, "language": "pl"}
    draft_path = signed_in.post(f"{path}/draft", {"family_agreed": "yes"}, f"{path}/draft").headers[
        "location"
    ]
    # A new session of the same professional still sees it, and finds it on the start page.
    signed_in.client.cookies.clear()
    signed_in.sign_in()
    assert signed_in.client.get(draft_path).status_code == 200
    assert f'href="{draft_path}"' in signed_in.client.get("/pro").text
    # Another professional sees neither the screening nor the draft.
    signed_in.client.cookies.clear()
    signed_in.add_account("second@nhs.example")
    signed_in.sign_in("second@nhs.example")
    assert signed_in.client.get(path).status_code == 404
    assert signed_in.client.get(f"{path}/draft").status_code == 404
    assert signed_in.client.get(draft_path).status_code == 404
    assert f'href="{draft_path}"' not in signed_in.client.get("/pro").text


def test_a_screening_can_be_turned_into_a_draft_for_a_day(signed_in: Pro) -> None:
    path = _start(signed_in)
    signed_in.fake_rasa.slots[path.rsplit("/", 1)[1]] = SLOTS
    signed_in.clock.advance(hours=7)
    signed_in.client.cookies.clear()
    signed_in.sign_in()
    assert signed_in.client.get(f"{path}/draft").status_code == 200
    signed_in.clock.advance(hours=17)
    signed_in.client.cookies.clear()
    signed_in.sign_in()
    assert signed_in.client.get(f"{path}/draft").status_code == 404


def test_the_assistant_being_down_is_said_plainly(signed_in: Pro) -> None:
    path = _start(signed_in)
    signed_in.fake_rasa.up = False
    response = signed_in.client.get(f"{path}/draft")
    assert response.status_code == 503
    assert "cannot be read just now" in response.text
