"""Only what a service's criteria need is asked, and a question that cannot change the outcome is
skipped."""

from __future__ import annotations

from bot.profiles import get_profile
from bot.screening.questions import BY_SLOT, QUESTIONS, answers_from_slots, relevant_slots


def asked(service: str, **slots) -> list[str]:
    return relevant_slots(get_profile(service).eligibility, slots, service)


def test_consent_and_age_come_first_for_every_service() -> None:
    for service in ("buckinghamshire", "coventry", "dcts", "eyss", "hampshire"):
        assert asked(service) == ["screening_consent", "child_age_months"]


def test_an_age_outside_a_strict_range_settles_it() -> None:
    assert asked("dcts", screening_consent="yes", child_age_months=30) == [
        "screening_consent",
        "child_age_months",
    ]


def test_coventry_under_18_months_asks_about_prematurity_and_conditions_not_physical() -> None:
    slots = asked("coventry", screening_consent="yes", child_age_months=10)
    assert "weeks_premature" in slots and "diagnosis" in slots
    assert "significant_physical_difficulty" not in slots
    assert "asq_low_areas" not in slots


def test_coventry_from_18_months_asks_about_delays_and_difficulties_not_prematurity() -> None:
    slots = asked("coventry", screening_consent="yes", child_age_months=24)
    assert "weeks_premature" not in slots
    assert {
        "delay_communication",
        "significant_physical_difficulty",
        "significant_social_communication_difficulty",
    } <= set(slots)
    assert "known_to_social_care" not in slots and "looked_after" in slots


def test_dcts_asks_asq_sensory_and_funded_place_only_for_two_year_olds_at_nursery() -> None:
    under_two = asked("dcts", screening_consent="yes", child_age_months=20)
    assert {"asq_low_areas", "sensory_loss"} <= set(under_two)
    assert "attends_setting" not in under_two
    two = asked("dcts", screening_consent="yes", child_age_months=25)
    assert "attends_setting" in two and "funded_place" not in two
    at_nursery = asked("dcts", screening_consent="yes", child_age_months=25, attends_setting="yes")
    assert "funded_place" in at_nursery


def test_hampshire_asks_cognition_first_and_stops_when_it_is_not_delayed() -> None:
    slots = asked("hampshire", screening_consent="yes", child_age_months=30)
    assert slots[2] == "delay_problem_solving"
    settled = asked(
        "hampshire", screening_consent="yes", child_age_months=30, delay_problem_solving=0
    )
    assert settled == ["screening_consent", "child_age_months", "delay_problem_solving"]


def test_the_learning_difficulty_question_follows_a_named_condition() -> None:
    assert "condition_with_learning_difficulty" not in asked(
        "coventry", screening_consent="yes", child_age_months=10, diagnosis="none"
    )
    assert "condition_with_learning_difficulty" in asked(
        "coventry", screening_consent="yes", child_age_months=10, diagnosis="Down syndrome"
    )


def test_buckinghamshire_asks_the_optional_social_care_question() -> None:
    slots = asked("buckinghamshire", screening_consent="yes", child_age_months=20, diagnosis="yes")
    assert "attends_setting" in slots and "known_to_social_care" in slots


def test_slots_become_the_answers_format() -> None:
    answers = answers_from_slots(
        "coventry",
        {
            "child_age_months": 24.0,
            "delay_communication": 10.0,
            "delay_problem_solving": "not_sure",
            "attends_setting": "no",
            "looked_after": "prefer_not_to_say",
            "diagnosis": "none",
        },
    )
    assert answers.delays == {"communication": 10.0, "problem_solving": None}
    assert answers.attends_setting is False and answers.is_unsure("looked_after")
    assert answers.diagnosis == "" and "weeks_premature" not in answers.__fields_set__


def test_every_question_has_buttons_and_a_hint() -> None:
    for question in QUESTIONS:
        assert question.buttons and question.hint and question.label
    assert BY_SLOT["known_to_social_care"].buttons[-1][1] == "prefer_not_to_say"
