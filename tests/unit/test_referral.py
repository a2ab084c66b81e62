"""The draft professional referral and its FHIR R4 export, validated with fhir.resources 6.1."""

from __future__ import annotations

import datetime as dt

import pytest
from fhir.resources import __fhir_version__
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from bot.profiles import all_profiles, get_profile
from bot.referral.draft import ConsentRecord, draft_referral
from bot.referral.fhir import questionnaire, questionnaire_response
from bot.summary.build import NoScreeningAnswers
from tests.unit.test_summary import SLOTS

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.timezone.utc)
PROFESSIONAL = {
    "child.name": "A. Child",
    "child.date_of_birth": dt.date(2024, 9, 1),
    "family.parent_names": "A. Parent",
    "family.address": "1 High Street, Winchester",
    "family.contact": "01234 567890",
    "family.interpreter_needed": True,
    "consent.parent_agrees": True,
    "referrer.name": "H. Visitor",
    "referrer.role": "Health visitor",
    "referrer.organisation": "0-19 team",
    "referrer.contact": "01234 000000",
}


def _completed(service: str):
    profile = get_profile(service)
    draft = draft_referral(profile, SLOTS, "pl", TODAY)
    evidence = {q.link_id: "ASQ-3 attached" for q in draft.questions if q.group == "evidence"}
    draft.complete({**PROFESSIONAL, **evidence})
    return profile, draft


def test_the_library_checks_fhir_r4() -> None:
    assert __fhir_version__ == "4.0.1"


@pytest.mark.parametrize("service", sorted(all_profiles()))
def test_the_draft_is_prefilled_in_english_with_the_professionals_fields_open(service: str) -> None:
    draft = draft_referral(get_profile(service), SLOTS, "pl", TODAY)
    assert draft.answers["child.age_months"] == 26
    assert draft.answers["family.language"] == "Polish"
    assert draft.outcome in {"likely", "possible", "unlikely"}
    assert draft.reasons and all(reason.isascii() for reason in draft.reasons)
    missing = {question.link_id for question in draft.missing()}
    assert {"child.name", "referrer.name", "consent.parent_agrees"} <= missing
    assert all(question.completed_by == "professional" for question in draft.missing())


def test_the_evidence_a_service_asks_for_is_a_professionals_field() -> None:
    draft = draft_referral(get_profile("hampshire"), SLOTS, "en", TODAY)
    evidence = [q for q in draft.questions if q.group == "evidence"]
    texts = [q.text for q in evidence]
    assert len(texts) == len(get_profile("hampshire").referral.evidence)
    assert "Referrals must include evidence of your child's delays." in texts
    assert any("plan of reviews" in text for text in texts)
    assert all(q.required and q.completed_by == "professional" for q in evidence)


def test_delays_and_asq_areas_use_the_professional_names() -> None:
    draft = draft_referral(get_profile("hampshire"), SLOTS, "en", TODAY)
    assert draft.answers["development.communication"] == 12
    asq = draft_referral(get_profile("dcts"), SLOTS, "en", TODAY)
    assert asq.answers["development.asq_low_areas"] == "Communication"
    texts = {q.link_id: q.text for q in draft.questions}
    assert texts["development.gross_motor"].startswith("Gross motor")


def test_a_professional_cannot_overwrite_the_familys_answers() -> None:
    draft = draft_referral(get_profile("hampshire"), SLOTS, "en", TODAY)
    with pytest.raises(KeyError):
        draft.complete({"child.age_months": 40})


def test_no_draft_without_an_age() -> None:
    with pytest.raises(NoScreeningAnswers):
        draft_referral(get_profile("hampshire"), {}, "en", TODAY)


@pytest.mark.parametrize("service", sorted(all_profiles()))
def test_questionnaire_and_response_validate_as_fhir_r4(service: str) -> None:
    profile, draft = _completed(service)
    form = Questionnaire.parse_obj(questionnaire(profile))
    response = QuestionnaireResponse.parse_obj(questionnaire_response(draft, NOW))
    assert response.status == "completed"
    assert response.questionnaire == f"{form.url}|{form.version}"
    # Every answered item is a question of the Questionnaire, with a value of its type.
    questions = {item.linkId: item for group in form.item for item in group.item}
    for group in response.item:
        for item in group.item:
            question = questions[item.linkId]
            (answer,) = item.answer
            value_field = {
                "boolean": "valueBoolean",
                "integer": "valueInteger",
                "decimal": "valueDecimal",
                "date": "valueDate",
                "string": "valueString",
                "text": "valueString",
            }[question.type]
            assert getattr(answer, value_field) is not None, item.linkId


def test_an_incomplete_draft_is_in_progress() -> None:
    draft = draft_referral(get_profile("coventry"), SLOTS, "en", TODAY)
    response = QuestionnaireResponse.parse_obj(questionnaire_response(draft, NOW))
    assert response.status == "in-progress"


def test_the_consent_record_is_kept_with_the_draft() -> None:
    consent = ConsentRecord(given_at=NOW, language="pl", wording="Zgadzam się")
    draft = draft_referral(get_profile("dcts"), SLOTS, "pl", TODAY, consent=consent)
    assert draft.consent == consent


def test_a_question_the_family_was_never_asked_is_left_blank_not_read_as_no() -> None:
    hampshire = draft_referral(get_profile("hampshire"), SLOTS, "en", TODAY)
    assert "child.diagnosis" not in hampshire.answers
    assert "child.sensory_loss" not in hampshire.answers
    assert hampshire.answers["development.communication"] == 12
    dcts = draft_referral(get_profile("dcts"), {**SLOTS, "sensory_loss": "hearing"}, "en", TODAY)
    assert dcts.answers["child.sensory_loss"] == "Hearing loss"
    assert "child.diagnosis" not in dcts.answers
    bucks = draft_referral(get_profile("buckinghamshire"), SLOTS, "en", TODAY)
    assert bucks.answers["child.diagnosis"] == SLOTS["diagnosis"]
