"""The draft referral as FHIR R4 resources: the service's Questionnaire and the
QuestionnaireResponse that answers it, as plain JSON-ready dicts (validated by a FHIR library in
the tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.profile_schema import ServiceProfile
from bot.referral.draft import DraftReferral, ReferralQuestion, referral_questions

VERSION = "1"
GROUP_TITLES = {
    "child": "The child",
    "development": "Development",
    "setting": "Early years setting",
    "family": "The family",
    "consent": "Consent",
    "referrer": "The referrer",
    "evidence": "Evidence the service asks for",
}
# Marks the questions a professional completes, so a form viewer can show them as theirs.
AUTHOR_EXTENSION = "urn:portage-local-offer:fhir:completed-by"


def questionnaire_url(service: str) -> str:
    return f"urn:portage-local-offer:questionnaire:referral:{service}"


def questionnaire(profile: ServiceProfile) -> dict[str, Any]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for question in referral_questions(profile):
        groups.setdefault(question.group, []).append(_question_item(question))
    return {
        "resourceType": "Questionnaire",
        "url": questionnaire_url(profile.id),
        "version": VERSION,
        "name": f"PortageReferral_{profile.id}",
        "title": f"Referral to {profile.name}",
        "status": "active",
        "subjectType": ["Patient"],
        "item": [
            {"linkId": group, "text": GROUP_TITLES[group], "type": "group", "item": items}
            for group, items in groups.items()
        ],
    }


def questionnaire_response(draft: DraftReferral, authored: dt.datetime) -> dict[str, Any]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for question in draft.questions:
        value = draft.answers.get(question.link_id)
        if value is None or value == "":
            continue
        groups.setdefault(question.group, []).append(
            {
                "linkId": question.link_id,
                "text": question.text,
                "answer": [_answer(question, value)],
            }
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{questionnaire_url(draft.service)}|{VERSION}",
        "status": "in-progress" if draft.missing() else "completed",
        "authored": authored.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
        "item": [
            {"linkId": group, "text": GROUP_TITLES[group], "item": items}
            for group, items in groups.items()
        ],
    }


def _question_item(question: ReferralQuestion) -> dict[str, Any]:
    item: dict[str, Any] = {
        "linkId": question.link_id,
        "text": question.text,
        "type": question.answer_type,
        "required": question.required,
        "extension": [{"url": AUTHOR_EXTENSION, "valueCode": question.completed_by}],
    }
    return item


def _answer(question: ReferralQuestion, value: Any) -> dict[str, Any]:
    kind = question.answer_type
    if kind == "boolean":
        return {"valueBoolean": bool(value)}
    if kind == "integer":
        return {"valueInteger": int(value)}
    if kind == "decimal":
        return {"valueDecimal": float(value)}
    if kind == "date":
        return {"valueDate": value.isoformat() if isinstance(value, dt.date) else str(value)}
    return {"valueString": str(value)}
