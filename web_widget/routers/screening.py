"""POST /api/screening/evaluate: screening answers in, the non-binding result out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, HTTPException, Query

from bot.context import UnsupportedLanguage, choose_language
from bot.i18n import Translator
from bot.profiles import get_profile
from bot.screening.io import InvalidAnswers, parse_answers
from bot.screening.result import screen

router = APIRouter(prefix="/api/screening", tags=["screening"])


@router.post("/evaluate")
async def evaluate(
    answers: Any = Body(..., description="Screening answers in the design brief's format"),
    language: str = Query("en", max_length=10, description="Language of reasons and next steps"),
) -> dict:
    try:
        code = choose_language(language, None, None)
        parsed = parse_answers(answers)
    except UnsupportedLanguage as error:
        raise HTTPException(status_code=422, detail={"fields": {"language": str(error)}}) from None
    except InvalidAnswers as error:
        raise HTTPException(status_code=422, detail={"fields": error.problems}) from None
    return screen(parsed, get_profile(parsed.service), Translator(code)).as_dict()
