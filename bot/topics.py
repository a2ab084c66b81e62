"""The FAQ topics and conversational intents (fixed contracts of the design brief)."""

from __future__ import annotations

FAQ_INTENT = "faq"

FAQ_TOPICS = (
    "what_is_portage",
    "who_is_it_for",
    "diagnosis_needed",
    "where_sessions_happen",
    "attending_setting",
    "setting_visits",
    "parent_involvement",
    "programme_length",
    "joint_working",
    "how_to_refer",
    "after_referral",
    "waiting_list",
    "cost",
    "cancelling_sessions",
    "staff_training",
    "groups",
    "when_support_ends",
    "interpreters_accessibility",
    "areas_covered",
    "contact",
    "complaints",
    "teaching_approaches",
    "ehcp",
    "child_safety",
)

CONVERSATION_INTENTS = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "start_screening",
    "stop",
    "human_handoff",
    "bot_challenge",
    "out_of_scope",
    "urgent_concern",
    "change_language",
    "delete_my_data",
)

# Intents of the screening form: answers (typed, or a button's value) and its own buttons.
SCREENING_INTENTS = ("inform", "change_answer", "show_screening_result", "restart_screening")

# Sharing the answers with a professional, with the family's consent (bot/handoff/consent.py).
HANDOFF_INTENTS = ("share_with_professional",)
