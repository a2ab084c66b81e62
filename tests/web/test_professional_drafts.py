"""Opening a draft by code, completing it, exporting it (PDF, FHIR R4) and marking it sent."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fastapi.testclient import TestClient
from fhir.resources.bundle import Bundle
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from tests.pdf_tools import pdf_text
from tests.unit.test_summary import SLOTS
from tests.web.professional_support import (
    COMPLETE,
    STAFF_EMAIL,
    Pro,
    build_app,
    error_summary,
)

pytest_plugins = ["tests.web.professional_fixtures"]

CODE_MESSAGE = "This code is not right, has expired, or is for a draft you cannot open."
VALUE_FIELDS = {
    "boolean": "valueBoolean",
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "date": "valueDate",
    "string": "valueString",
    "text": "valueString",
}


def _draft_id(path: str) -> str:
    assert path.startswith("/pro/drafts/")
    return path.rsplit("/", 1)[1]


def test_a_code_opens_the_draft_under_a_separate_id(signed_in: Pro) -> None:
    code = signed_in.handoff()
    response = signed_in.open(code.lower().replace("-", " "))
    assert response.status_code == 303
    path = response.headers["location"]
    handoff_id = _draft_id(path)
    assert code not in path and code.replace("-", "") not in path
    page = signed_in.client.get(path)
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert "<h1>Referral to Hampshire Portage Service</h1>" in page.text
    assert code not in page.text
    # The family's part is there, read-only, in English; the professional's part is a form.
    assert "Child&#39;s age (months)" in page.text
    assert 'name="child.name"' in page.text and 'name="child.age_months"' not in page.text
    assert "required" in page.text
    # The consent record and both copies of the family summary.
    assert "What the family agreed to (English)" in page.text
    assert "I agree to my answers being kept for a professional." in page.text
    assert 'lang="pl"' in page.text and "Portage: a summary of your answers" in page.text
    entries = signed_in.stores.audit.entries()
    assert [(e.action, e.handoff_id) for e in entries][-1] == ("opened", handoff_id)
    assert f'href="{path}"' in signed_in.client.get("/pro").text


@pytest.mark.parametrize("kind", ["wrong", "expired", "malformed"])
def test_wrong_expired_and_malformed_codes_get_the_same_answer(signed_in: Pro, kind: str) -> None:
    code = {
        "wrong": "23456-789AB",
        "expired": signed_in.handoff(days_ago=14),
        "malformed": "<script>alert(1)</script>",
    }[kind]
    response = signed_in.open(code)
    assert response.status_code == 400
    assert CODE_MESSAGE in error_summary(response.text)
    assert "&lt;script&gt;" not in response.text  # the typed code is not shown again
    assert signed_in.actions()[-1] == "open_failed"


def test_a_code_works_until_its_last_day(signed_in: Pro) -> None:
    code = signed_in.handoff(days_ago=13.9)
    assert signed_in.open(code).status_code == 303


def test_code_lookups_are_limited_per_account(signed_in: Pro) -> None:
    for _ in range(10):
        assert signed_in.open("23456-789AB").status_code == 400
    good = signed_in.handoff()
    response = signed_in.open(good)
    assert response.status_code == 429
    assert "You have tried too many codes. Wait 15 minutes" in response.text
    assert response.headers["cache-control"] == "no-store"
    signed_in.clock.advance(minutes=15)
    assert signed_in.open(good).status_code == 303


def test_code_lookups_are_limited_per_address_and_survive_a_restart(
    signed_in: Pro, fake_rasa, database, clock
) -> None:
    for _ in range(10):
        signed_in.open("23456-789AB")
    # Another account from the same address is over the limit too.
    signed_in.client.cookies.clear()
    signed_in.add_account("second@nhs.example")
    assert signed_in.sign_in("second@nhs.example").status_code == 303
    assert signed_in.open(signed_in.handoff()).status_code == 429
    # A restarted web process keeps counting.
    app = build_app(fake_rasa, database, clock)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        restarted = Pro(app, client, clock, fake_rasa)
        assert restarted.sign_in().status_code == 303
        assert restarted.open(restarted.handoff()).status_code == 429


def test_service_staff_open_only_their_services_drafts(pro: Pro) -> None:
    pro.add_account(STAFF_EMAIL, "service_staff", "coventry")
    assert pro.sign_in(STAFF_EMAIL).status_code == 303
    response = pro.open(pro.handoff("hampshire"))
    assert response.status_code == 400 and CODE_MESSAGE in response.text
    assert pro.open(pro.handoff("coventry")).status_code == 303


def test_a_draft_is_seen_only_by_the_sessions_that_opened_it(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    signed_in.client.cookies.clear()
    signed_in.add_account("second@nhs.example")
    assert signed_in.sign_in("second@nhs.example").status_code == 303
    for suffix in ("", "/referral.pdf", "/fhir"):
        assert signed_in.client.get(path + suffix).status_code == 404
    assert signed_in.post(path, COMPLETE).status_code == 404
    assert signed_in.client.get("/pro/drafts/not-a-real-id-at-all-xx").status_code == 404


def test_the_professional_part_is_checked_field_by_field(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    bad = {
        **COMPLETE,
        "child.date_of_birth": "2024-13-40",
        "consent.parent_agrees": "maybe",
        "child.name": "x" * 201,
        "family.contact": "line one\nline two",
    }
    response = signed_in.post(path, bad, page=path)
    assert response.status_code == 400
    summary = error_summary(response.text)
    assert "Child&#39;s date of birth must be a real date, like 2024-09-01" in summary
    assert "Select yes or no for: Parent or carer agrees to this referral" in summary
    assert "Child&#39;s name must be 200 characters or fewer" in summary
    assert "Family&#39;s phone or email has characters that cannot be used" in summary
    assert 'href="#field-child.date_of_birth"' in summary
    # What was typed is shown again next to the error, and nothing was saved.
    assert 'value="2024-13-40"' in response.text
    handoff = signed_in.handoffs.get(_draft_id(path), signed_in.clock.now)
    assert handoff.completion == {} and handoff.status == "new"
    future = {**COMPLETE, "child.date_of_birth": "2026-11-24"}
    assert "must be today or in the past" in signed_in.post(path, future, page=path).text


def test_long_answers_in_any_script_fit_the_form(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    long = {f"evidence.{n}": "é" * 2000 for n in (1, 2, 3)}
    values = {**COMPLETE, **long, "family.address": "ü" * 2000, "referrer.observations": "ł" * 2000}
    assert signed_in.post(path, values, page=path).status_code == 303
    handoff = signed_in.handoffs.get(_draft_id(path), signed_in.clock.now)
    assert handoff.completion["evidence.3"] == "é" * 2000
    too_long = {**values, "family.address": "a" * 2001}
    response = signed_in.post(path, too_long, page=path)
    assert response.status_code == 400
    assert "Address and postcode must be 2000 characters or fewer" in response.text


def test_saving_part_of_it_keeps_it_a_draft(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    response = signed_in.post(path, {"child.name": "A. Child"}, page=path)
    assert response.status_code == 303 and response.headers["location"] == f"{path}?saved=1"
    handoff = signed_in.handoffs.get(_draft_id(path), signed_in.clock.now)
    assert handoff.completion == {"child.name": "A. Child"} and handoff.status == "new"
    page = signed_in.client.get(response.headers["location"])
    assert "Your answers were saved." in page.text
    assert 'value="A. Child"' in page.text and "Not complete:" in page.text
    assert signed_in.actions()[-1] == "saved"


def test_completing_every_required_field_completes_the_draft(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    assert signed_in.post(path, COMPLETE, page=path).status_code == 303
    handoff = signed_in.handoffs.get(_draft_id(path), signed_in.clock.now)
    assert handoff.status == "completed"
    assert handoff.completion["child.date_of_birth"] == "2024-09-01"
    assert handoff.completion["consent.parent_agrees"] is True
    assert handoff.completion["family.address"] == "1 High Street\nWinchester SO23 8UJ"
    page = signed_in.client.get(path)
    assert "Complete, not yet sent" in page.text
    assert 'value="yes" checked' in page.text
    assert signed_in.actions()[-1] == "completed"


def test_the_pdf_has_every_answer_and_marks_what_is_missing(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    signed_in.post(path, {"referrer.name": "H. Visitor"}, page=path)
    response = signed_in.client.get(f"{path}/referral.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    text = " ".join(pdf_text(response.content).split())
    assert "Referral to" in text and "Referrer" in text and "H. Visitor" in text
    assert "Child's age (months) 26" in text
    assert "MISSING – required" in text and "Not complete:" in text
    assert "Given on 23 November 2026 at 09:00 UTC" in text
    assert "Language Polish" in text
    assert "This is not a decision." in text
    assert signed_in.actions()[-1] == "exported_pdf"
    signed_in.post(path, COMPLETE, page=path)
    complete = " ".join(pdf_text(signed_in.client.get(f"{path}/referral.pdf").content).split())
    assert "MISSING" not in complete and "Not complete" not in complete
    assert "A. Child" in complete and "1 September 2024" in complete and "0-19 team" in complete


@pytest.mark.parametrize("service", ["hampshire", "coventry"])
def test_the_fhir_export_is_a_bundle_that_validates(signed_in: Pro, service: str) -> None:
    path = signed_in.open_draft(service)
    signed_in.post(path, COMPLETE, page=path)
    response = signed_in.client.get(f"{path}/fhir")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/fhir+json")
    assert response.headers["cache-control"] == "no-store"
    bundle = Bundle.parse_raw(response.content)
    assert bundle.type == "collection" and len(bundle.entry) == 2
    raw = json.loads(response.content)["entry"]
    form = Questionnaire.parse_obj(raw[0]["resource"])
    answers = QuestionnaireResponse.parse_obj(raw[1]["resource"])
    assert answers.questionnaire == f"{form.url}|{form.version}"
    assert answers.status == "completed"
    assert answers.identifier.value == _draft_id(path)
    questions = {item.linkId: item for group in form.item for item in group.item}
    found = {}
    for group in answers.item:
        for item in group.item:
            (answer,) = item.answer
            value = getattr(answer, VALUE_FIELDS[questions[item.linkId].type])
            assert value is not None, item.linkId
            found[item.linkId] = value
    assert found["child.name"] == "A. Child"
    assert found["child.date_of_birth"] == dt.date(2024, 9, 1)
    assert found["child.age_months"] == 26
    assert signed_in.actions()[-1] == "exported_fhir"


def test_an_incomplete_draft_exports_as_in_progress(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    raw = json.loads(signed_in.client.get(f"{path}/fhir").content)
    assert QuestionnaireResponse.parse_obj(raw["entry"][1]["resource"]).status == "in-progress"


def test_only_a_complete_referral_can_be_marked_sent(signed_in: Pro) -> None:
    path = signed_in.open_draft()
    refused = signed_in.post(f"{path}/sent", page=path)
    assert refused.status_code == 400
    assert "Complete every required field before you mark the referral as sent." in refused.text
    handoff_id = _draft_id(path)
    assert signed_in.handoffs.get(handoff_id, signed_in.clock.now).status == "new"
    signed_in.post(path, COMPLETE, page=path)
    signed_in.clock.advance(minutes=5)
    response = signed_in.post(f"{path}/sent", page=path)
    assert response.status_code == 303
    handoff = signed_in.handoffs.get(handoff_id, signed_in.clock.now)
    assert handoff.status == "sent" and handoff.sent_at == signed_in.clock.now
    assert "Sent on 23 November 2026" in signed_in.client.get(path).text
    # Corrections after sending keep it sent.
    signed_in.post(path, {**COMPLETE, "referrer.contact": "01234 111111"}, page=path)
    assert signed_in.handoffs.get(handoff_id, signed_in.clock.now).status == "sent"


def test_the_audit_log_says_who_did_what_without_any_answer_or_code(signed_in: Pro) -> None:
    code = signed_in.handoff()
    path = signed_in.open(code).headers["location"]
    signed_in.post(path, COMPLETE, page=path)
    signed_in.client.get(f"{path}/referral.pdf")
    signed_in.client.get(f"{path}/fhir")
    signed_in.post(f"{path}/sent", page=path)
    signed_in.post("/pro/sign-out")
    entries = signed_in.stores.audit.entries()
    assert [entry.action for entry in entries] == [
        "signed_in",
        "opened",
        "completed",
        "exported_pdf",
        "exported_fhir",
        "marked_sent",
        "signed_out",
    ]
    assert all(entry.email == "hv@nhs.example" for entry in entries)
    assert {entry.handoff_id for entry in entries[1:-1]} == {_draft_id(path)}
    recorded = repr(entries)
    secrets = [code, code.replace("-", ""), *COMPLETE.values(), str(SLOTS["diagnosis"]), "Polish"]
    for secret in secrets:
        assert secret not in recorded, secret
