"""The languages the assistant knows, which of them it can speak, and how people name them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.paths import LOCALES_DIR
from bot.text import fold

SOURCE_LANGUAGE = "en"
_LANGUAGES_FILE = Path(__file__).with_name("languages.yml")


@dataclass(frozen=True)
class Language:
    code: str
    english_name: str
    native_name: str
    direction: str
    aliases: tuple[str, ...]

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


@lru_cache(maxsize=1)
def known_languages() -> dict[str, Language]:
    """Every language in languages.yml, whether or not it has a catalog yet."""
    raw = yaml.safe_load(_LANGUAGES_FILE.read_text(encoding="utf-8"))
    return {
        code: Language(
            code=code,
            english_name=entry["english"],
            native_name=entry["native"],
            direction=entry["direction"],
            aliases=tuple(fold(alias) for alias in entry["aliases"]),
        )
        for code, entry in raw.items()
    }


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """Languages a family can choose: English and every language with a catalog in locales/."""
    with_catalog = {po.parent.parent.name for po in LOCALES_DIR.glob("*/LC_MESSAGES/messages.po")}
    return tuple(
        code for code in known_languages() if code == SOURCE_LANGUAGE or code in with_catalog
    )


def is_supported(code: str) -> bool:
    return code in supported_languages()


_WORD = re.compile(r"\w+", re.UNICODE)


def requested_language(text: str) -> Language | None:
    """The language a message asks to switch to ("can we speak Polish", "po polsku"), if any.

    When a message names several languages ("I don't speak English, Polish please") the last
    named one wins, which is how people phrase a switch.
    """
    folded = fold(text)
    words = [(match.start(), match.group()) for match in _WORD.finditer(folded)]
    found: list[tuple[int, Language]] = []
    for language in known_languages().values():
        for alias in language.aliases:
            position = _alias_position(alias, folded, words)
            if position is not None:
                found.append((position, language))
    if not found:
        return None
    return max(found, key=lambda item: item[0])[1]


def _alias_position(alias: str, folded: str, words: list[tuple[int, str]]) -> int | None:
    if alias.endswith("*"):
        stem = alias[:-1]
        return next((start for start, word in words if word.startswith(stem)), None)
    if " " in alias:
        match = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", folded)
        return match.start() if match else None
    return next((start for start, word in words if word == alias), None)


_ACCEPTED = re.compile(
    r"^\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([01](?:\.\d{0,3})?))?\s*$"
)


def browser_language(accept_language: str | None) -> str:
    """The supported language a browser's Accept-Language header prefers most, else English.

    Only the primary subtag counts ("pt-BR" is Portuguese, "pa-Guru-IN" Panjabi); a malformed
    entry is skipped, never trusted.
    """
    best: tuple[float, int, str] | None = None
    for position, entry in enumerate((accept_language or "")[:500].split(",")[:30]):
        match = _ACCEPTED.match(entry)
        if not match:
            continue
        code, quality = match.group(1).lower(), float(match.group(2) or 1)
        if quality > 0 and is_supported(code):
            candidate = (-quality, position, code)
            best = candidate if best is None or candidate < best else best
    return best[2] if best else SOURCE_LANGUAGE
