"""The screening questions, and which of them a service's criteria need for a given family.

A question is asked only when its answer can still change the outcome: it must feed a criterion,
limit or priority the service publishes for a child of this age, and the outcome must still be
open (the best and the worst case over the unanswered questions differ). The engine itself decides
both cases, so no service needs its own list of questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.i18n import N_
from bot.profile_schema import SCREENING_AREAS, Eligibility
from bot.screening.answers import ScreeningAnswers
from bot.screening.engine import Outcome, evaluate, within

NOT_SURE = "not_sure"
PREFER_NOT_TO_SAY = "prefer_not_to_say"
NO_CONDITION = "none"

# How a question's answer is parsed; see bot/screening/parsing.py.
KINDS = ("consent", "age", "premature", "diagnosis", "yes_no", "delay", "asq_areas", "sensory")


@dataclass(frozen=True)
class Question:
    slot: str
    kind: str
    # A short name for the review of answers ("Age", "Born early").
    label: str
    text: str
    # Shown when an answer is not understood: how to answer.
    hint: str
    buttons: tuple[tuple[str, str], ...]
    # The answers field(s) it fills: used to build ScreeningAnswers from the slots.
    field: str


YES_NO_NOT_SURE = ((N_("Yes"), "yes"), (N_("No"), "no"), (N_("Not sure"), NOT_SURE))
YES_NO_PRIVATE = (
    (N_("Yes"), "yes"),
    (N_("No"), "no"),
    (N_("Prefer not to say"), PREFER_NOT_TO_SAY),
)
DELAY_BUTTONS = (
    (N_("No concerns"), "0"),
    (N_("A little (about 3 months)"), "3"),
    (N_("About 6 months"), "6"),
    (N_("About 9 months"), "9"),
    (N_("A year or more"), "12"),
    (N_("Not sure"), NOT_SURE),
)
YES_NO_HINT = N_("Please choose a button, or type yes, no or not sure.")

AREA_WORDS = {
    # TRANSLATORS: everyday descriptions of the five areas of development (not ASQ items).
    "communication": N_("communication: understanding, babbling, talking, gestures"),
    "gross_motor": N_("big movements: sitting, crawling, walking, climbing"),
    "fine_motor": N_("hands and fingers: picking up small things, holding a spoon or crayon"),
    "problem_solving": N_("thinking and learning: playing with toys, working things out"),
    "personal_social": N_("getting on with people: feeding, dressing, playing with others"),
}
AREA_NAMES = {
    "communication": N_("Communication"),
    "gross_motor": N_("Big movements"),
    "fine_motor": N_("Hands and fingers"),
    "problem_solving": N_("Thinking and learning"),
    "personal_social": N_("Getting on with people"),
}

QUESTIONS: tuple[Question, ...] = (
    Question(
        "screening_consent",
        "consent",
        N_("Starting the check"),
        N_("Shall we start?"),
        YES_NO_HINT,
        ((N_("Yes, let's start"), "yes"), (N_("Not now"), "no")),
        "",
    ),
    Question(
        "child_age_months",
        "age",
        N_("Age"),
        N_(
            "How old is your child? You can write it in months, in years and months, or as a "
            "date of birth."
        ),
        N_("For example: 18 months, 2 years 3 months, 2 and a half, or 14/03/2024."),
        (
            (N_("Under 1 year"), "6"),
            (N_("1 year"), "12"),
            (N_("18 months"), "18"),
            (N_("2 years"), "24"),
            (N_("2 and a half"), "30"),
            (N_("3 years"), "36"),
        ),
        "child_age_months",
    ),
    Question(
        "weeks_premature",
        "premature",
        N_("Born early"),
        N_("Was your child born early? If so, about how many weeks early?"),
        N_("For example: no, 6 weeks early, or born at 32 weeks."),
        (
            (N_("No, on time"), "0"),
            (N_("A few weeks early"), "4"),
            (N_("About 2 months early"), "8"),
            (N_("3 months or more early"), "12"),
            (N_("Not sure"), NOT_SURE),
        ),
        "weeks_premature",
    ),
    Question(
        "diagnosis",
        "diagnosis",
        N_("Condition"),
        N_(
            "Has a doctor told you that your child has a condition, for example Down syndrome or "
            "cerebral palsy? You can name it, or just say yes."
        ),
        N_("Please choose a button, or type no, not sure, or the name of the condition."),
        ((N_("No"), NO_CONDITION), (N_("Yes"), "yes"), (N_("Not sure"), NOT_SURE)),
        "diagnosis",
    ),
    Question(
        "condition_with_learning_difficulty",
        "yes_no",
        N_("Condition with a learning difficulty"),
        N_("Have you been told that this condition usually comes with a learning difficulty?"),
        YES_NO_HINT,
        YES_NO_NOT_SURE,
        "condition_with_learning_difficulty",
    ),
    *(
        Question(
            f"delay_{area}",
            "delay",
            AREA_NAMES[area],
            N_(
                "Compared with other children of the same age, is your child behind in this area? "
                "If so, about how far?"
            ),
            N_("For example: no, about 4 months, a year, or not sure."),
            DELAY_BUTTONS,
            f"delays.{area}",
        )
        for area in SCREENING_AREAS
    ),
    Question(
        "asq_low_areas",
        "asq_areas",
        N_("ASQ areas scored low"),
        N_(
            "Has your health visitor done an Ages and Stages Questionnaire (ASQ) with you "
            "recently? If some areas scored low (15 or below), which were they?"
        ),
        N_("You can type the areas, for example: communication and thinking. Or choose a button."),
        (
            (N_("No ASQ, or none low"), "none"),
            *((name, area) for area, name in AREA_NAMES.items()),
            (N_("Not sure"), NOT_SURE),
        ),
        "asq_low_areas",
    ),
    Question(
        "sensory_loss",
        "sensory",
        N_("Hearing or sight loss"),
        N_("Does your child have a hearing loss or a sight loss?"),
        N_("Please choose a button, or type hearing, sight, both, no or not sure."),
        (
            (N_("No"), "none"),
            (N_("Hearing"), "hearing"),
            (N_("Sight"), "sight"),
            (N_("Both"), "both"),
            (N_("Not sure"), NOT_SURE),
        ),
        "sensory_loss",
    ),
    Question(
        "significant_physical_difficulty",
        "yes_no",
        N_("Physical difficulty"),
        N_(
            "Does your child have a physical difficulty that makes it much harder to play and "
            "learn?"
        ),
        YES_NO_HINT,
        YES_NO_NOT_SURE,
        "significant_physical_difficulty",
    ),
    Question(
        "significant_social_communication_difficulty",
        "yes_no",
        N_("Communication or social difficulty"),
        N_(
            "Does your child have big difficulties with communication or with getting on with "
            "people?"
        ),
        YES_NO_HINT,
        YES_NO_NOT_SURE,
        "significant_social_communication_difficulty",
    ),
    Question(
        "attends_setting",
        "yes_no",
        N_("Nursery or childminder"),
        N_("Does your child go to a nursery, pre-school or childminder?"),
        YES_NO_HINT,
        YES_NO_NOT_SURE,
        "attends_setting",
    ),
    Question(
        "funded_place",
        "yes_no",
        N_("Funded place"),
        N_("Is it a government-funded place (free hours for two-year-olds)?"),
        YES_NO_HINT,
        YES_NO_NOT_SURE,
        "funded_place",
    ),
    Question(
        "known_to_social_care",
        "yes_no",
        N_("Social worker"),
        N_("Is your family working with a social worker? You do not have to answer this."),
        N_("Please choose a button, or type yes, no or prefer not to say."),
        YES_NO_PRIVATE,
        "known_to_social_care",
    ),
    Question(
        "looked_after",
        "yes_no",
        N_("Looked after by the council"),
        N_(
            "Is your child looked after by the council (in foster care, for example)? You do not "
            "have to answer this."
        ),
        N_("Please choose a button, or type yes, no or prefer not to say."),
        YES_NO_PRIVATE,
        "looked_after",
    ),
)
BY_SLOT = {question.slot: question for question in QUESTIONS}
SLOTS = tuple(BY_SLOT)
OUTCOME_SLOTS = tuple(
    slot
    for slot in SLOTS
    if slot not in ("screening_consent", "known_to_social_care", "looked_after")
)


def answers_from_slots(service: str, slots: dict[str, Any]) -> ScreeningAnswers | None:
    """The screening answers so far; questions not asked are left out, "not sure" becomes null."""
    if slots.get("child_age_months") in (None, NOT_SURE):
        return None
    data: dict[str, Any] = {"service": service, "delays": {}}
    for slot, value in slots.items():
        question = BY_SLOT.get(slot)
        if question is None or not question.field or value is None:
            continue
        converted = _converted(question, value)
        if question.field.startswith("delays."):
            data["delays"][question.field.split(".", 1)[1]] = converted
        else:
            data[question.field] = converted
    return ScreeningAnswers.parse_obj(data)


def _converted(question: Question, value: Any) -> Any:
    if value in (NOT_SURE, PREFER_NOT_TO_SAY):
        return None
    if question.kind == "yes_no":
        return value == "yes"
    if question.kind == "diagnosis":
        return "" if value == NO_CONDITION else value
    if question.kind == "asq_areas":
        return [] if value == "none" else list(value)
    return value


class NoScreeningAnswers(LookupError):
    """The conversation has no screening answers yet (the child's age is the least it needs)."""


def answered_slots(eligibility: Eligibility, slots: dict[str, Any], service: str) -> dict[str, Any]:
    """The answers to the questions this family was asked, in order; unanswered ones left out."""
    asked = relevant_slots(eligibility, slots, service)
    return {slot: slots[slot] for slot in asked if slots.get(slot) is not None}


def asked_answers(
    eligibility: Eligibility, slots: dict[str, Any], service: str
) -> tuple[dict[str, Any], ScreeningAnswers]:
    """The answered slots and the screening answers they make, for the summary and referral."""
    answered = answered_slots(eligibility, slots, service)
    answers = answers_from_slots(service, answered)
    if answers is None:
        raise NoScreeningAnswers(service)
    return answered, answers


def relevant_slots(eligibility: Eligibility, slots: dict[str, Any], service: str) -> list[str]:
    """The questions to ask this family, in order, answered ones included (for progress)."""
    questions = ["screening_consent", "child_age_months"]
    answers = answers_from_slots(service, slots)
    if answers is None:
        return questions
    age = answers.child_age_months
    if not within(age, eligibility.age_months) and eligibility.age_strict:
        return questions  # the age alone settles it
    routes = [r for r in eligibility.routes if r.age_months is None or within(age, r.age_months)]
    kinds = {route.kind for route in routes}
    feeds = {
        "weeks_premature": "premature_with_delay" in kinds,
        "diagnosis": bool(kinds & {"diagnosis", "condition_with_learning_difficulty"}),
        "condition_with_learning_difficulty": "condition_with_learning_difficulty" in kinds
        and slots.get("diagnosis") not in (None, NO_CONDITION, NOT_SURE),
        "asq_low_areas": "asq_low" in kinds,
        "sensory_loss": "sensory_loss_with_delay" in kinds,
        "significant_physical_difficulty": "significant_physical_difficulty" in kinds,
        "significant_social_communication_difficulty": (
            "significant_social_communication_difficulty" in kinds
        ),
        "attends_setting": any(age >= limit.from_age_months for limit in eligibility.limits)
        or "not_in_setting" in eligibility.priorities,
        "funded_place": any(
            limit.kind == "funded_place" and age >= limit.from_age_months
            for limit in eligibility.limits
        )
        and slots.get("attends_setting") not in ("no", None),
    }
    needs_delays = bool(kinds & {"delay", "premature_with_delay", "sensory_loss_with_delay"})
    delay_slots = [f"delay_{area}" for area in _areas_in_order(routes)] if needs_delays else []
    ordered = []
    for slot in OUTCOME_SLOTS:
        if slot.startswith("delay_"):
            if slot == "delay_" + SCREENING_AREAS[0]:
                ordered += delay_slots  # all areas at once, a required area first
        elif feeds.get(slot):
            ordered.append(slot)
    open_questions = [slot for slot in ordered if slots.get(slot) is None]
    if open_questions and _outcome_settled(eligibility, service, slots, open_questions):
        ordered = [slot for slot in ordered if slots.get(slot) is not None]
    questions += ordered
    outcome = evaluate(answers, eligibility).outcome
    if outcome > Outcome.UNLIKELY or any(slots.get(slot) is None for slot in ordered):
        priority_slots = {"social_care": "known_to_social_care", "looked_after": "looked_after"}
        questions += [
            priority_slots[code] for code in eligibility.priorities if code in priority_slots
        ]
    return questions


def _areas_in_order(routes: list) -> list[str]:
    """Areas to ask about, an area a criterion requires first (it often settles the outcome)."""
    required = [route.required_area for route in routes if route.required_area]
    return list(dict.fromkeys([*required, *SCREENING_AREAS]))


def _outcome_settled(
    eligibility: Eligibility, service: str, slots: dict[str, Any], open_questions: list[str]
) -> bool:
    """Whether every way of answering the open questions leads to the same outcome."""
    best = answers_from_slots(service, {**slots, **_fill(open_questions, slots, favourable=True)})
    worst = answers_from_slots(service, {**slots, **_fill(open_questions, slots, favourable=False)})
    if best is None or worst is None:
        return False
    return evaluate(best, eligibility).outcome == evaluate(worst, eligibility).outcome


def _fill(open_questions: list[str], slots: dict[str, Any], favourable: bool) -> dict[str, Any]:
    age = float(slots["child_age_months"])
    values: dict[str, Any] = {}
    for slot in open_questions:
        kind = BY_SLOT[slot].kind
        if kind == "delay":
            values[slot] = age if favourable else 0
        elif kind == "premature":
            values[slot] = 12 if favourable else 0
        elif kind == "diagnosis":
            values[slot] = "yes" if favourable else NO_CONDITION
        elif kind == "asq_areas":
            values[slot] = list(SCREENING_AREAS) if favourable else "none"
        elif kind == "sensory":
            values[slot] = "both" if favourable else "none"
        elif slot in ("attends_setting", "funded_place"):
            values[slot] = "no" if favourable else "yes"
        else:
            values[slot] = "yes" if favourable else "no"
    return values
