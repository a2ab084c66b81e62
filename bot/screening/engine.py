"""The screening rule engine: a service's published criteria (profile data) against answers.

One generic interpreter for every service. Each route in the profile is checked as met, open or not
met; "open" covers "not sure" answers on something that decides it and anything a professional must
judge. The outcome is never a decision: it says whether the answers suggest the criteria may be met.

Monotone by construction: a larger or extra delay can only turn a check from not met to open to met,
and limits (age, funded places, setting attendance) do not depend on delays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from bot.profile_schema import SCREENING_AREAS, AgeRange, Eligibility, Limit, Route
from bot.screening.answers import ScreeningAnswers

# Born before 37 weeks, the NHS definition of premature: 3 or more weeks before the due date.
PREMATURE_WEEKS = 3
# For an "approximately" threshold, estimates from this share of it upwards leave the outcome open:
# a family's estimate of a delay is rough, and the page leaves the margin to the service.
APPROXIMATE_SHARE = 0.85


class Check(IntEnum):
    NOT_MET = 0
    OPEN = 1
    MET = 2


class Outcome(IntEnum):
    UNLIKELY = 0
    POSSIBLE = 1
    LIKELY = 2

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class RouteCheck:
    route: Route
    check: Check
    # Why a check is open: "not_sure" (an answer was "not sure") or "judgement" (the page leaves
    # it to a professional, e.g. "significant" without a measure, or an expected delay).
    open_because: str | None = None


@dataclass
class Evaluation:
    outcome: Outcome
    age_months: float
    age_in_range: bool
    route_checks: list[RouteCheck]
    limits_applied: list[Limit] = field(default_factory=list)
    priority: list[str] = field(default_factory=list)


def within(age: float, ages: AgeRange) -> bool:
    return age >= ages.min and (ages.max is None or age < ages.max)


def evaluate(answers: ScreeningAnswers, eligibility: Eligibility) -> Evaluation:
    age = answers.child_age_months
    checks = [
        _check_route(route, answers, eligibility)
        for route in eligibility.routes
        if route.age_months is None or within(age, route.age_months)
    ]
    outcome = _outcome_from_routes(checks)
    age_in_range = within(age, eligibility.age_months)
    if not age_in_range:
        outcome = Outcome.UNLIKELY if eligibility.age_strict else min(outcome, Outcome.POSSIBLE)
    applied = []
    for limit in eligibility.limits:
        effect = _limit_effect(limit, answers)
        if effect is not None and effect < outcome:
            outcome = effect
            applied.append(limit)
    priority = _priority(answers, eligibility.priorities) if outcome > Outcome.UNLIKELY else []
    return Evaluation(outcome, age, age_in_range, checks, applied, priority)


def _outcome_from_routes(checks: list[RouteCheck]) -> Outcome:
    best = Outcome.UNLIKELY
    for check in checks:
        if check.check is Check.MET:
            reached = Outcome.LIKELY if check.route.outcome_if_met == "likely" else Outcome.POSSIBLE
        elif check.check is Check.OPEN:
            reached = Outcome.POSSIBLE
        else:
            reached = Outcome.UNLIKELY
        best = max(best, reached)
    return best


def _check_route(route: Route, answers: ScreeningAnswers, eligibility: Eligibility) -> RouteCheck:
    if route.kind == "delay":
        return _delay_route(route, answers, eligibility.area_groups)
    if route.kind == "asq_low":
        if answers.is_unsure("asq_low_areas"):
            return RouteCheck(route, Check.OPEN, "not_sure")
        low = len(answers.asq_low_areas or [])
        return RouteCheck(route, Check.MET if low >= (route.min_areas or 1) else Check.NOT_MET)
    if route.kind == "premature_with_delay":
        return _both(route, _premature(answers), _any_delay(answers))
    if route.kind == "sensory_loss_with_delay":
        return _both(route, _sensory_loss(answers), _any_delay(answers))
    if route.kind == "condition_with_learning_difficulty":
        return _flag(route, answers, "condition_with_learning_difficulty")
    if route.kind == "diagnosis":
        return _diagnosis(route, answers)
    # significant_physical_difficulty, significant_social_communication_difficulty
    return _flag(route, answers, route.kind)


def grouped_delays(
    answers: ScreeningAnswers, groups: dict[str, list[str]]
) -> dict[str, tuple[float, bool]]:
    """Each area as the service counts it: (largest known delay, whether any part is "not sure").

    A service that lists "physical" as one area counts gross and fine motor skills as one.
    """
    group_of = {member: name for name, members in groups.items() for member in members}
    counted: dict[str, tuple[float, bool]] = {}
    for area in SCREENING_AREAS:
        key = group_of.get(area, area)
        months = answers.delays.get(area, 0)
        known, unsure = counted.get(key, (0.0, False))
        if months is None:
            counted[key] = (known, True)
        else:
            counted[key] = (max(known, float(months)), unsure)
    return counted


def _delay_route(route: Route, answers: ScreeningAnswers, groups: dict) -> RouteCheck:
    areas = grouped_delays(answers, groups)
    minimum = route.min_areas or 1
    if route.threshold is None:
        # "Significant" without a measure: areas with a concern leave it to the service to judge.
        concerned = [name for name, (months, unsure) in areas.items() if months > 0 or unsure]
        if len(concerned) >= minimum:
            return RouteCheck(route, Check.OPEN, "judgement")
        return RouteCheck(route, Check.NOT_MET)
    threshold = delay_threshold(route, answers.child_age_months)
    near = threshold * APPROXIMATE_SHARE if route.threshold.approximate else threshold
    met, open_areas, reason = set(), set(), None
    for name, (months, unsure) in areas.items():
        if months > 0 and months >= threshold:
            met.add(name)
        elif unsure:
            open_areas.add(name)
            reason = reason or "not_sure"
        elif months > 0 and (months >= near or route.expected_delay_counts):
            open_areas.add(name)
            reason = "judgement"  # what the service must judge matters more than "not sure"
    required = route.required_area
    if len(met) >= minimum and (required is None or required in met):
        return RouteCheck(route, Check.MET)
    reachable = met | open_areas
    if len(reachable) >= minimum and (required is None or required in reachable):
        return RouteCheck(route, Check.OPEN, reason)
    return RouteCheck(route, Check.NOT_MET)


def delay_threshold(route: Route, age_months: float) -> float:
    """The delay in months a route asks for, for a child of this age."""
    if route.threshold is None:
        raise ValueError("this delay route has no measured threshold")
    if route.threshold.months is not None:
        return route.threshold.months
    return route.threshold.fraction_of_age * age_months


def _any_delay(answers: ScreeningAnswers) -> Check:
    if any(months for months in answers.delays.values() if months is not None):
        return Check.MET
    if answers.asq_low_areas:
        return Check.MET
    if any(months is None for months in answers.delays.values()):
        return Check.OPEN
    return Check.NOT_MET


def _premature(answers: ScreeningAnswers) -> Check:
    if answers.is_unsure("weeks_premature"):
        return Check.OPEN
    return Check.MET if (answers.weeks_premature or 0) >= PREMATURE_WEEKS else Check.NOT_MET


def _sensory_loss(answers: ScreeningAnswers) -> Check:
    if answers.is_unsure("sensory_loss"):
        return Check.OPEN
    return Check.MET if answers.sensory_loss in ("hearing", "sight", "both") else Check.NOT_MET


def _both(route: Route, first: Check, second: Check) -> RouteCheck:
    combined = min(first, second)
    return RouteCheck(route, combined, "not_sure" if combined is Check.OPEN else None)


def _flag(route: Route, answers: ScreeningAnswers, name: str) -> RouteCheck:
    if getattr(answers, name) is True:
        return RouteCheck(route, Check.MET)
    if answers.is_unsure(name):
        return RouteCheck(route, Check.OPEN, "not_sure")
    return RouteCheck(route, Check.NOT_MET)


def _diagnosis(route: Route, answers: ScreeningAnswers) -> RouteCheck:
    if answers.diagnosis or answers.condition_with_learning_difficulty is True:
        return RouteCheck(route, Check.MET)
    if answers.is_unsure("diagnosis"):
        return RouteCheck(route, Check.OPEN, "not_sure")
    return RouteCheck(route, Check.NOT_MET)


def _limit_effect(limit: Limit, answers: ScreeningAnswers) -> Outcome | None:
    """The outcome a limit caps the result at for these answers, or None when it does not apply.

    A "not sure" answer on the circumstance a limit depends on leaves the outcome open.
    """
    if answers.child_age_months < limit.from_age_months:
        return None
    effect = Outcome.UNLIKELY if limit.effect == "unlikely" else Outcome.POSSIBLE
    # Using a funded nursery place means the child attends a setting.
    attends = answers.attends_setting is True or answers.funded_place is True
    if limit.kind == "attends_setting":
        if attends:
            return effect
        return Outcome.POSSIBLE if answers.is_unsure("attends_setting") else None
    if answers.funded_place is True:
        return effect
    unsure = answers.is_unsure("funded_place") or (
        answers.is_unsure("attends_setting") and answers.funded_place is not False
    )
    return Outcome.POSSIBLE if unsure and answers.attends_setting is not False else None


def _priority(answers: ScreeningAnswers, prioritised: list[str]) -> list[str]:
    # Only an explicit answer counts: a question that was never asked gives no priority.
    answered = answers.__fields_set__
    applies = {
        "not_in_setting": "attends_setting" in answered and answers.attends_setting is False,
        "social_care": answers.known_to_social_care is True,
        "looked_after": answers.looked_after is True,
    }
    return [code for code in prioritised if applies[code]]
