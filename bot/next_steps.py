"""The one next step under each answer: check eligibility, how to refer, or talk to someone."""

from __future__ import annotations

from bot.i18n import N_, Translator
from bot.payloads import faq_payload, intent_payload
from bot.replies import Button

CHECK_ELIGIBILITY = "check_eligibility"
HOW_TO_REFER = "how_to_refer"
TALK_TO_SOMEONE = "talk_to_someone"

_BUTTONS = {
    CHECK_ELIGIBILITY: (N_("Might Portage suit my child?"), intent_payload("start_screening")),
    HOW_TO_REFER: (N_("How do I get Portage?"), faq_payload("how_to_refer")),
    TALK_TO_SOMEONE: (N_("Talk to someone"), intent_payload("human_handoff")),
}

NEXT_STEP_AFTER = {
    "what_is_portage": CHECK_ELIGIBILITY,
    "who_is_it_for": CHECK_ELIGIBILITY,
    "diagnosis_needed": CHECK_ELIGIBILITY,
    "where_sessions_happen": CHECK_ELIGIBILITY,
    "attending_setting": CHECK_ELIGIBILITY,
    "setting_visits": HOW_TO_REFER,
    "parent_involvement": CHECK_ELIGIBILITY,
    "programme_length": CHECK_ELIGIBILITY,
    "joint_working": HOW_TO_REFER,
    "how_to_refer": CHECK_ELIGIBILITY,
    "after_referral": TALK_TO_SOMEONE,
    "waiting_list": HOW_TO_REFER,
    "cost": CHECK_ELIGIBILITY,
    "cancelling_sessions": TALK_TO_SOMEONE,
    "staff_training": HOW_TO_REFER,
    "groups": TALK_TO_SOMEONE,
    "when_support_ends": TALK_TO_SOMEONE,
    "interpreters_accessibility": TALK_TO_SOMEONE,
    "areas_covered": HOW_TO_REFER,
    "contact": HOW_TO_REFER,
    "complaints": TALK_TO_SOMEONE,
    "teaching_approaches": CHECK_ELIGIBILITY,
    "ehcp": TALK_TO_SOMEONE,
    "child_safety": TALK_TO_SOMEONE,
}


def next_step_button(step: str, t: Translator) -> Button:
    title, payload = _BUTTONS[step]
    return Button(title=t._(title), payload=payload)
