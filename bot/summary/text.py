"""The summary as plain text, for a family to paste into a message to their health visitor."""

from __future__ import annotations

from bot.summary.build import SummaryCopy


def render_text(copies: list[SummaryCopy]) -> str:
    return "\n\n\n".join(_copy(copy) for copy in copies) + "\n"


def _copy(copy: SummaryCopy) -> str:
    lines = [copy.title, copy.service, copy.date, "", copy.intro, "", copy.answers_heading]
    lines += [f"- {question}: {answer}" for question, answer in copy.answers]
    lines += ["", copy.outcome_heading, copy.headline, "", copy.reasons_heading]
    lines += [f"- {reason}" for reason in copy.reasons]
    lines += ["", copy.next_steps_heading]
    lines += [f"- {step}" for step in copy.next_steps]
    lines += ["", copy.contact_heading, *copy.contact, "", copy.decision_note, "", copy.footer]
    return "\n".join(lines)
