"""The screening result in words a parent understands, for the chat, the CLI and the web app.

Each reason quotes the service's own criterion it rests on; next steps are the service's real
referral route, or, when the criteria seem not to fit, the health visitor and the Local Offer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from bot.contact import contact_lines
from bot.faq import answer_topic, priority_sentence
from bot.i18n import Translator
from bot.profile_schema import ServiceProfile
from bot.screening.answers import ScreeningAnswers
from bot.screening.engine import Check, Evaluation, Outcome, delay_threshold, evaluate


@dataclass(frozen=True)
class ScreeningResult:
    service: str
    language: str
    outcome: str
    reasons: list[str]
    reason_codes: list[str]
    priority: list[str]
    next_steps: list[str]
    # Always shown: the outcome is not a decision (UK GDPR Art. 22 keeps decisions with people).
    decision_note: str

    def as_dict(self) -> dict:
        return asdict(self)


def screen(answers: ScreeningAnswers, profile: ServiceProfile, t: Translator) -> ScreeningResult:
    evaluation = evaluate(answers, profile.eligibility)
    codes, reasons = explain(evaluation, profile, t)
    return ScreeningResult(
        service=profile.id,
        language=t.language,
        outcome=evaluation.outcome.label,
        reasons=reasons,
        reason_codes=codes,
        priority=evaluation.priority,
        next_steps=next_steps(evaluation, profile, t),
        decision_note=t._(
            "This is not a decision. Only the service can decide whether Portage is right for "
            "your child."
        ),
    )


def headline(outcome: str, t: Translator) -> str:
    texts = {
        Outcome.LIKELY: t._(
            "Your answers suggest that your child may meet this service's criteria."
        ),
        Outcome.POSSIBLE: t._(
            "Your answers suggest that your child might meet this service's criteria. The service "
            "would need to know more."
        ),
        Outcome.UNLIKELY: t._(
            "Your answers suggest that your child probably does not meet this service's criteria."
        ),
    }
    return texts[Outcome[outcome.upper()]]


def explain(
    evaluation: Evaluation, profile: ServiceProfile, t: Translator
) -> tuple[list[str], list[str]]:
    """Reason codes and reason texts; each text names the service's criterion it rests on."""
    eligibility = profile.eligibility
    codes: list[str] = []
    texts: list[str] = []

    def criterion(index: int) -> str:
        return t._(eligibility.criteria[index])

    if not evaluation.age_in_range:
        codes.append("age_outside_range")
        texts.append(
            t._(
                "Your child's age is outside the ages the service works with: {ages}",
                ages=t._(eligibility.age_description),
            )
        )
    if evaluation.outcome is Outcome.UNLIKELY and evaluation.age_in_range:
        if not evaluation.limits_applied:
            codes.append("no_criterion_met")
            listed = "\n".join(f"• {t._(line)}" for line in eligibility.criteria)
            texts.append(
                t._("Your answers do not seem to fit the service's criteria:") + "\n" + listed
            )
    elif evaluation.outcome > Outcome.UNLIKELY:
        for check in evaluation.route_checks:
            if check.check is Check.MET:
                codes.append(f"{check.route.kind}_met")
                if check.route.outcome_if_met == "likely":
                    texts.append(
                        t._(
                            "Your answers fit this criterion: {criterion}",
                            criterion=criterion(check.route.criterion),
                        )
                    )
                else:
                    texts.append(
                        t._(
                            "Your answers may fit this criterion, and the service "
                            "judges it: {criterion}",
                            criterion=criterion(check.route.criterion),
                        )
                    )
            elif check.check is Check.OPEN and evaluation.outcome is Outcome.POSSIBLE:
                codes.append(f"{check.route.kind}_open_{check.open_because}")
                if check.open_because == "not_sure":
                    message = t._(
                        "Some answers were 'not sure', so your answers might fit this "
                        "criterion: {criterion}",
                        criterion=criterion(check.route.criterion),
                    )
                else:
                    message = t._(
                        "The service judges this, so your answers might fit this "
                        "criterion: {criterion}",
                        criterion=criterion(check.route.criterion),
                    )
                texts.append(message)
    for check in evaluation.route_checks:
        threshold = check.route.threshold
        if check.route.kind == "delay" and threshold and threshold.fraction_of_age:
            months = delay_threshold(check.route, evaluation.age_months)
            texts.append(
                t.ngettext(
                    "For your child's age, that is a delay of about {count} month.",
                    "For your child's age, that is a delay of about {count} months.",
                    round(months),
                )
            )
    for limit in evaluation.limits_applied:
        codes.append(f"limit_{limit.kind}")
        texts.append(t._(limit.description))
    if evaluation.priority:
        codes.append("priority")
        texts.append(priority_sentence(evaluation.priority, t))
    return codes, _unique(texts)


def next_steps(evaluation: Evaluation, profile: ServiceProfile, t: Translator) -> list[str]:
    if evaluation.outcome is Outcome.UNLIKELY:
        return [
            t._(
                "You can talk to your health visitor or GP about your child's development at any "
                "time. Your council's Local Offer website lists other support for families."
            ),
            t._("If you think your answers missed something, the service can tell you more:"),
            *contact_lines(profile, t),
        ]
    return answer_topic("how_to_refer", profile, t).messages


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))
