"""Recognises an urgent concern (a child in danger, a medical emergency) by simple rules.

The NLU model recognises urgent_concern too; these rules are the second line, so that the clearest
emergencies get 999 guidance even when the model is unsure or the family mixes languages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.text import fold

_KEYWORDS_FILE = Path(__file__).with_name("urgent_keywords.yml")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    raw = yaml.safe_load(_KEYWORDS_FILE.read_text(encoding="utf-8"))
    return {language: tuple(re.compile(p) for p in patterns) for language, patterns in raw.items()}


def urgent_rule_languages() -> tuple[str, ...]:
    return tuple(_patterns())


def is_urgent(text: str) -> bool:
    """True when the message matches any language's urgent-concern rules."""
    folded = fold(text)
    return any(pattern.search(folded) for patterns in _patterns().values() for pattern in patterns)
