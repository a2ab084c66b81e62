"""Reads a professional's part of the draft referral from the submitted form, checked by type.

Every field is optional on save (a draft can be finished later); what is given must be a value of
the question's type, with length limits on text, and the messages say how to put it right.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.referral.draft import ReferralQuestion

MAX_CHARS = {"string": 200, "text": 2000}
_INTEGER = re.compile(r"^[+-]?\d{1,6}$")
_DECIMAL = re.compile(r"^[+-]?\d{1,6}(\.\d{1,3})?$")
# Control characters other than tab and line breaks have no place in a referral.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EARLIEST_DATE = dt.date(1900, 1, 1)


@dataclass
class ProfessionalAnswers:
    values: dict[str, Any] = field(default_factory=dict)  # link_id -> value, as stored
    errors: dict[str, str] = field(default_factory=dict)  # link_id -> what to put right
    typed: dict[str, str] = field(default_factory=dict)  # link_id -> the text to show again


def read_answers(
    questions: list[ReferralQuestion], form: Mapping[str, Any], today: dt.date
) -> ProfessionalAnswers:
    result = ProfessionalAnswers()
    for question in questions:
        if question.completed_by != "professional":
            continue
        raw = form.get(question.link_id)
        text = raw.strip() if isinstance(raw, str) else ""
        if question.answer_type == "text":
            text = text.replace("\r\n", "\n")
        result.typed[question.link_id] = text
        if not text:
            continue
        try:
            result.values[question.link_id] = _value(question, text, today)
        except ValueError as error:
            result.errors[question.link_id] = str(error)
    return result


def _value(question: ReferralQuestion, text: str, today: dt.date) -> Any:
    name = question.text.rstrip(".")
    kind = question.answer_type
    if kind == "boolean":
        if text not in ("yes", "no"):
            raise ValueError(f"Select yes or no for: {name}")
        return text == "yes"
    if kind == "integer":
        if not _INTEGER.match(text):
            raise ValueError(f"{name} must be a whole number, like 3")
        return int(text)
    if kind == "decimal":
        if not _DECIMAL.match(text) or not math.isfinite(float(text)):
            raise ValueError(f"{name} must be a number, like 2.5")
        return float(text)
    if kind == "date":
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{name} must be a real date, like 2024-09-01") from None
        if date > today:
            raise ValueError(f"{name} must be today or in the past")
        if date < EARLIEST_DATE:
            raise ValueError(f"{name} must be after 1900")
        return date.isoformat()
    limit = MAX_CHARS["text" if kind == "text" else "string"]
    if len(text) > limit:
        raise ValueError(f"{name} must be {limit} characters or fewer")
    if _CONTROL.search(text) or (kind != "text" and "\n" in text):
        raise ValueError(f"{name} has characters that cannot be used")
    return text


def shown(question: ReferralQuestion, value: Any) -> str:
    """A stored answer as a form shows it again."""
    if value is None:
        return ""
    if question.answer_type == "boolean":
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
