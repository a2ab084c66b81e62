"""A handoff as the professional view shows and exports it: the draft referral with the
professional's saved answers, its consent record, the referral PDF and the FHIR R4 Bundle."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from bot.handoff.store import Handoff
from bot.languages import known_languages
from bot.profile_schema import ServiceProfile
from bot.profiles import get_profile
from bot.referral.draft import ConsentRecord, DraftReferral, ReferralQuestion, draft_referral
from bot.referral.fhir import GROUP_TITLES, questionnaire, questionnaire_response
from bot.summary import SummaryCopy, build_summary

_HERE = Path(__file__).resolve().parent
PDF_STYLESHEET = _HERE / "static" / "referral.css"
HANDOFF_SYSTEM = "urn:portage-local-offer:handoff"
OUTCOME_WORDS = {
    "likely": "Likely to meet the service's published criteria",
    "possible": "Possibly meets the service's published criteria",
    "unlikely": "Unlikely to meet the service's published criteria",
}


@dataclass(frozen=True)
class Row:
    question: ReferralQuestion
    value: Any
    shown: str  # the answer in words, "" when unanswered

    @property
    def missing(self) -> bool:
        return self.question.required and self.shown == ""


@dataclass(frozen=True)
class DraftView:
    handoff: Handoff
    profile: ServiceProfile
    draft: DraftReferral
    groups: list[tuple[str, list[Row]]]
    consent: list[tuple[str, str]]
    outcome: str


def load_draft(handoff: Handoff) -> DraftView:
    """The draft referral behind a handoff, with what the professional has saved so far."""
    profile = get_profile(handoff.service)
    draft = draft_referral(
        profile,
        handoff.slots,
        handoff.language,
        handoff.created_at.date(),
        consent=consent_record(handoff),
    )
    theirs = {q.link_id for q in draft.questions if q.completed_by == "professional"}
    draft.complete({key: value for key, value in handoff.completion.items() if key in theirs})
    groups: dict[str, list[Row]] = {}
    for question in draft.questions:
        value = draft.answers.get(question.link_id)
        groups.setdefault(question.group, []).append(
            Row(question, value, in_words(question, value))
        )
    return DraftView(
        handoff=handoff,
        profile=profile,
        draft=draft,
        groups=[(GROUP_TITLES[group], rows) for group, rows in groups.items()],
        consent=consent_lines(handoff),
        outcome=OUTCOME_WORDS.get(draft.outcome, draft.outcome),
    )


def family_summary(handoff: Handoff, today: dt.date) -> list[SummaryCopy]:
    """The family's summary, English first, then the family's own language."""
    copies = build_summary(get_profile(handoff.service), handoff.slots, handoff.language, today)
    return sorted(copies, key=lambda copy: copy.language != "en")


def in_words(question: ReferralQuestion, value: Any) -> str:
    if value is None or value == "":
        return ""
    if question.answer_type == "boolean":
        return "Yes" if value else "No"
    if question.answer_type == "date":
        date = dt.date.fromisoformat(str(value))
        return f"{date.day} {date:%B %Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def consent_record(handoff: Handoff) -> ConsentRecord | None:
    consent = handoff.consent
    try:
        given_at = dt.datetime.fromisoformat(str(consent["given_at"]))
    except (KeyError, ValueError):
        return None
    wording = str(consent.get("wording_en") or consent.get("wording") or "")
    return ConsentRecord(given_at, str(consent.get("language", handoff.language)), wording)


def consent_lines(handoff: Handoff) -> list[tuple[str, str]]:
    """The consent record in words, for the draft page and the PDF."""
    consent = handoff.consent
    record = consent_record(handoff)
    if record is None:
        return [("Consent", "No consent record was kept with these answers.")]
    language = known_languages().get(record.language)
    when = record.given_at.astimezone(dt.timezone.utc)
    lines = [
        ("Given on", f"{when.day} {when:%B %Y at %H:%M} UTC"),
        ("Language", language.english_name if language else record.language),
    ]
    if handoff.origin == "professional":
        lines.append(("How", f"In person, to a {consent.get('recorded_by_role', 'professional')}"))
    else:
        lines.append(("How", "In the chat, after reading what is kept and for how long"))
    if record.wording:
        lines.append(("What the family agreed to (English)", record.wording))
    own = consent.get("wording")
    if handoff.origin == "family" and own and own != record.wording:
        lines.append(("In the family's language", str(own)))
    return lines


def render_referral_pdf(env: Environment, view: DraftView, now: dt.datetime) -> bytes:
    """The English referral; autoescaped, so no answer can become markup in the PDF."""
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which only PDFs need

    html = env.get_template("professional/referral_pdf.html").render(view=view, printed=now)
    # No base_url and a fetcher that refuses everything: the PDF never loads anything.
    return HTML(string=html, url_fetcher=_refuse).write_pdf(
        stylesheets=[CSS(filename=str(PDF_STYLESHEET))]
    )


def fhir_bundle(view: DraftView, now: dt.datetime) -> dict[str, Any]:
    """A FHIR R4 collection Bundle: the service's Questionnaire and the response answering it."""
    response = questionnaire_response(view.draft, now)
    response["identifier"] = {"system": HANDOFF_SYSTEM, "value": view.handoff.id}
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": now.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
        "entry": [
            {"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": questionnaire(view.profile)},
            {"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": response},
        ],
    }


def _refuse(url: str) -> dict:
    raise ValueError("the referral loads no external resources")
