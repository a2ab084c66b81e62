"""Properties of the engine that hold for every service and any answers (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.profile_schema import SCREENING_AREAS
from bot.profiles import all_profiles
from bot.screening.answers import ScreeningAnswers
from bot.screening.engine import Outcome, evaluate, within

SERVICES = sorted(all_profiles())
delay_value = st.one_of(st.none(), st.integers(0, 24))


@st.composite
def answers(draw, max_age: int = 72):
    child_age = draw(st.integers(0, max_age))
    delays = draw(st.dictionaries(st.sampled_from(SCREENING_AREAS), delay_value, max_size=5))
    delays = {area: (min(v, child_age) if v is not None else None) for area, v in delays.items()}
    data = {
        "service": draw(st.sampled_from(SERVICES)),
        "child_age_months": child_age,
        "delays": delays,
    }
    optional = {
        "weeks_premature": st.one_of(st.none(), st.integers(0, 16)),
        "asq_low_areas": st.one_of(
            st.none(), st.lists(st.sampled_from(SCREENING_AREAS), unique=True)
        ),
        "diagnosis": st.one_of(st.none(), st.sampled_from(["", "Down syndrome"])),
        "condition_with_learning_difficulty": st.one_of(st.none(), st.booleans()),
        "sensory_loss": st.one_of(st.none(), st.sampled_from(["none", "hearing", "sight", "both"])),
        "significant_physical_difficulty": st.one_of(st.none(), st.booleans()),
        "significant_social_communication_difficulty": st.one_of(st.none(), st.booleans()),
        "attends_setting": st.one_of(st.none(), st.booleans()),
        "funded_place": st.one_of(st.none(), st.booleans()),
        "looked_after": st.one_of(st.none(), st.booleans()),
        "known_to_social_care": st.one_of(st.none(), st.booleans()),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            data[name] = draw(strategy)
    return data


def outcome(data: dict) -> Outcome:
    parsed = ScreeningAnswers.parse_obj(data)
    return evaluate(parsed, all_profiles()[parsed.service].eligibility).outcome


@settings(max_examples=400, deadline=None)
@given(answers(), st.sampled_from(SCREENING_AREAS), st.integers(0, 24))
def test_a_larger_or_extra_delay_never_lowers_the_outcome(data, area, increase) -> None:
    before = outcome(data)
    current = data["delays"].get(area, 0)
    if current is None:
        return  # "not sure" is not a size; replacing it is a different answer, not a larger one
    larger = min(current + increase, data["child_age_months"])
    after = outcome({**data, "delays": {**data["delays"], area: larger}})
    assert after >= before


@settings(max_examples=300, deadline=None)
@given(answers(), st.sampled_from(SCREENING_AREAS))
def test_one_more_area_with_a_delay_never_lowers_the_outcome(data, area) -> None:
    if area in data["delays"] or data["child_age_months"] == 0:
        return
    before = outcome(data)
    after = outcome({**data, "delays": {**data["delays"], area: data["child_age_months"]}})
    assert after >= before


@settings(max_examples=400, deadline=None)
@given(answers(max_age=120))
def test_an_age_outside_the_range_never_gives_likely(data) -> None:
    eligibility = all_profiles()[data["service"]].eligibility
    if not within(data["child_age_months"], eligibility.age_months):
        assert outcome(data) < Outcome.LIKELY


@settings(max_examples=200, deadline=None)
@given(answers())
def test_unlikely_never_carries_a_priority(data) -> None:
    parsed = ScreeningAnswers.parse_obj(data)
    evaluation = evaluate(parsed, all_profiles()[parsed.service].eligibility)
    if evaluation.outcome is Outcome.UNLIKELY:
        assert evaluation.priority == []
