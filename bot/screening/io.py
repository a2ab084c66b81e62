"""Screening answers read from JSON, with errors that name the field (CLI and web app)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from bot.i18n import Translator
from bot.profiles import UnknownService, get_profile
from bot.screening.answers import ScreeningAnswers
from bot.screening.result import ScreeningResult, screen


class InvalidAnswers(ValueError):
    """Answers that cannot be screened; ``problems`` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {problem}" for field, problem in problems.items()))


def parse_answers(raw: Any, service: str | None = None) -> ScreeningAnswers:
    """Validated answers; ``service`` overrides the one in the answers (the CLI's --service)."""
    if not isinstance(raw, dict):
        raise InvalidAnswers({"answers": "must be a JSON object"})
    data = {**raw, "service": service} if service else raw
    try:
        answers = ScreeningAnswers.parse_obj(data)
    except ValidationError as error:
        raise InvalidAnswers(
            {".".join(str(part) for part in issue["loc"]): issue["msg"] for issue in error.errors()}
        ) from None
    try:
        get_profile(answers.service)
    except UnknownService as error:
        raise InvalidAnswers({"service": str(error)}) from None
    return answers


def screen_json(text: str, service: str | None = None, language: str = "en") -> ScreeningResult:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidAnswers(
            {"answers": f"not valid JSON: {error.msg} (line {error.lineno})"}
        ) from None
    answers = parse_answers(raw, service)
    return screen(answers, get_profile(answers.service), Translator(language))
