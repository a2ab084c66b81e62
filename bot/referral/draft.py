"""The draft professional referral: the service's referral questions, in English, prefilled from
the family's screening answers, with the fields only a professional can add marked as theirs.

The questions depend only on the service (so the FHIR Questionnaire is stable); the answers come
from one family's conversation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.i18n import Translator
from bot.languages import SOURCE_LANGUAGE, known_languages
from bot.profile_schema import ServiceProfile
from bot.screening.answers import SCREENING_AREAS
from bot.screening.questions import asked_answers
from bot.screening.result import screen

AnswerType = Literal["string", "text", "integer", "decimal", "boolean", "date"]
Author = Literal["family", "professional"]

# The ASQ-3 areas under the names professionals use.
PROFESSIONAL_AREA_NAMES = {
    "communication": "Communication",
    "gross_motor": "Gross motor",
    "fine_motor": "Fine motor",
    "problem_solving": "Problem solving",
    "personal_social": "Personal-social",
}


SENSORY_LOSS_NAMES = {
    "none": "None reported",
    "hearing": "Hearing loss",
    "sight": "Sight loss",
    "both": "Hearing and sight loss",
}
# Which screening question each prefilled family answer comes from.
FAMILY_SLOTS = {
    "child.weeks_premature": "weeks_premature",
    "child.diagnosis": "diagnosis",
    "child.condition_with_learning_difficulty": "condition_with_learning_difficulty",
    "development.asq_low_areas": "asq_low_areas",
    "child.sensory_loss": "sensory_loss",
    "child.significant_physical_difficulty": "significant_physical_difficulty",
    "child.significant_social_communication_difficulty": (
        "significant_social_communication_difficulty"
    ),
    "setting.attends": "attends_setting",
    "setting.funded_place": "funded_place",
    "family.social_care": "known_to_social_care",
    "family.looked_after": "looked_after",
    **{f"development.{area}": f"delay_{area}" for area in SCREENING_AREAS},
}


@dataclass(frozen=True)
class ReferralQuestion:
    link_id: str
    text: str
    answer_type: AnswerType
    completed_by: Author
    required: bool = False
    group: str = "child"


@dataclass(frozen=True)
class ConsentRecord:
    """What the family agreed to, when, and in which language."""

    given_at: dt.datetime
    language: str
    wording: str


@dataclass
class DraftReferral:
    service: str
    service_name: str
    created: dt.date
    family_language: str
    questions: list[ReferralQuestion]
    # link_id -> answer; a missing key is an unanswered question.
    answers: dict[str, Any] = field(default_factory=dict)
    outcome: str = ""
    reasons: list[str] = field(default_factory=list)
    consent: ConsentRecord | None = None

    def missing(self) -> list[ReferralQuestion]:
        """Required questions still without an answer (a professional's to complete)."""
        return [
            q for q in self.questions if q.required and self.answers.get(q.link_id) in (None, "")
        ]

    def complete(self, values: dict[str, Any]) -> None:
        """A professional's additions; only their own fields can be written."""
        theirs = {q.link_id: q for q in self.questions if q.completed_by == "professional"}
        for link_id, value in values.items():
            if link_id not in theirs:
                raise KeyError(f"{link_id}: not a field a professional completes")
            self.answers[link_id] = value


def _family(link_id: str, text: str, kind: AnswerType, group: str = "child") -> ReferralQuestion:
    return ReferralQuestion(link_id, text, kind, "family", link_id == "child.age_months", group)


def _professional(
    link_id: str, text: str, kind: AnswerType, group: str, required: bool = True
) -> ReferralQuestion:
    return ReferralQuestion(link_id, text, kind, "professional", required, group)


def referral_questions(profile: ServiceProfile) -> list[ReferralQuestion]:
    """The service's referral form: the family's part first, then the professional's."""
    family = [
        _family("child.age_months", "Child's age (months)", "decimal"),
        _family("child.weeks_premature", "Weeks born early", "integer"),
        _family("child.diagnosis", "Diagnosis or condition", "string"),
        _family(
            "child.condition_with_learning_difficulty",
            "Condition known to bring a learning difficulty",
            "boolean",
        ),
        *(
            _family(
                f"development.{area}",
                f"{PROFESSIONAL_AREA_NAMES[area]}: estimated delay (months, parent's estimate)",
                "decimal",
                "development",
            )
            for area in SCREENING_AREAS
        ),
        _family(
            "development.asq_low_areas",
            "ASQ-3 areas at or below 15 (parent's report)",
            "string",
            "development",
        ),
        _family("child.sensory_loss", "Hearing or sight loss", "string"),
        _family(
            "child.significant_physical_difficulty", "Significant physical difficulty", "boolean"
        ),
        _family(
            "child.significant_social_communication_difficulty",
            "Significant social communication difficulty",
            "boolean",
        ),
        _family("setting.attends", "Attends a nursery or childminder", "boolean", "setting"),
        _family("setting.funded_place", "Has a funded early years place", "boolean", "setting"),
        _family("family.social_care", "Known to children's social care", "boolean", "family"),
        _family("family.looked_after", "Looked-after child", "boolean", "family"),
        _family("family.language", "Family's language", "string", "family"),
    ]
    english = Translator(SOURCE_LANGUAGE)
    professional = [
        _professional("family.interpreter_needed", "Interpreter needed", "boolean", "family"),
        _professional("child.name", "Child's name", "string", "child"),
        _professional("child.date_of_birth", "Child's date of birth", "date", "child"),
        _professional("family.parent_names", "Parent or carer names", "string", "family"),
        _professional("family.address", "Address and postcode", "text", "family"),
        _professional("family.contact", "Family's phone or email", "string", "family"),
        _professional(
            "consent.parent_agrees", "Parent or carer agrees to this referral", "boolean", "consent"
        ),
        _professional("referrer.name", "Referrer's name", "string", "referrer"),
        _professional("referrer.role", "Referrer's role", "string", "referrer"),
        _professional("referrer.organisation", "Referrer's organisation", "string", "referrer"),
        _professional("referrer.contact", "Referrer's phone or email", "string", "referrer"),
        *(
            _professional(f"evidence.{index}", english._(text), "text", "evidence")
            for index, text in enumerate(profile.referral.evidence, start=1)
        ),
        _professional(
            "referrer.observations",
            "Your observations of the child's development",
            "text",
            "referrer",
            required=False,
        ),
    ]
    return family + professional


def draft_referral(
    profile: ServiceProfile,
    slots: dict[str, Any],
    family_language: str,
    today: dt.date,
    consent: ConsentRecord | None = None,
) -> DraftReferral:
    answered, answers = asked_answers(profile.eligibility, slots, profile.id)
    result = screen(answers, profile, Translator(SOURCE_LANGUAGE))
    prefilled: dict[str, Any] = {
        "child.age_months": answers.child_age_months,
        "child.weeks_premature": (
            None if answers.weeks_premature is None else round(answers.weeks_premature)
        ),
        "child.diagnosis": ("None reported" if answers.diagnosis == "" else answers.diagnosis),
        "child.condition_with_learning_difficulty": answers.condition_with_learning_difficulty,
        "development.asq_low_areas": ", ".join(
            PROFESSIONAL_AREA_NAMES[area] for area in answers.asq_low_areas or []
        )
        or None,
        "child.sensory_loss": SENSORY_LOSS_NAMES.get(answers.sensory_loss or ""),
        "child.significant_physical_difficulty": answers.significant_physical_difficulty,
        "child.significant_social_communication_difficulty": (
            answers.significant_social_communication_difficulty
        ),
        "setting.attends": answers.attends_setting,
        "setting.funded_place": answers.funded_place,
        "family.social_care": answers.known_to_social_care,
        "family.looked_after": answers.looked_after,
        "family.language": known_languages()[family_language].english_name,
    }
    for area, months in (answers.delays or {}).items():
        prefilled[f"development.{area}"] = months
    # A question this family was never asked is left for the professional, not read as "no".
    for link_id, slot in FAMILY_SLOTS.items():
        if slot not in answered:
            prefilled.pop(link_id, None)
    return DraftReferral(
        service=profile.id,
        service_name=profile.name,
        created=today,
        family_language=family_language,
        questions=referral_questions(profile),
        answers={key: value for key, value in prefilled.items() if value is not None},
        outcome=result.outcome,
        reasons=result.reasons,
        consent=consent,
    )
