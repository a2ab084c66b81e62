"""Understanding typed screening answers: ages, dates of birth, weeks born early, delays, yes/no.

Durations are found with spaCy's rule-based Matcher over a blank pipeline of the conversation's
language (no model download): each token is marked as a number, "half", "and" or a unit from
answer_words.yml, and patterns such as NUMBER YEAR AND NUMBER MONTH give the months. English words
are tried after the conversation's own, since families often mix languages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import spacy
import yaml
from babel.dates import get_month_names
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from bot.profile_schema import SCREENING_AREAS
from bot.screening.answers import MAX_AGE_MONTHS
from bot.screening.questions import NO_CONDITION, NOT_SURE, PREFER_NOT_TO_SAY
from bot.text import fold

_WORDS_FILE = Path(__file__).with_name("answer_words.yml")
FALLBACK_LANGUAGE = "en"
DAYS_PER_MONTH = 30.4375
FULL_TERM_WEEKS = 40
MAX_DIAGNOSIS_CHARS = 200

# The Matcher compares these per token; an empty string (not None) marks an ordinary word.
if not Token.has_extension("answer_kind"):
    Token.set_extension("answer_kind", default="")
    Token.set_extension("answer_value", default=0.0)


@dataclass(frozen=True)
class Duration:
    months: float
    # True when a bare number was read without a unit (the caller decides what it means).
    unitless: bool = False
    weeks: float | None = None


@cache
def _words(language: str) -> dict[str, Any]:
    # BaseLoader keeps every word a string: YAML 1.1 would read "yes", "no" and "on" as booleans.
    words = yaml.load(_WORDS_FILE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506
    return words.get(language, {})


def _languages(language: str) -> list[str]:
    return list(dict.fromkeys([language, FALLBACK_LANGUAGE]))


def _phrases(language: str, key: str) -> list[str]:
    return [fold(phrase) for phrase in _words(language).get(key, [])]


def _has_phrase(text: str, phrases: list[str]) -> str | None:
    """The longest phrase found as whole words (a trailing * allows any ending)."""
    found = []
    for phrase in phrases:
        if phrase.endswith("*"):
            pattern = rf"(?<!\w){re.escape(phrase[:-1])}\w*"
        else:
            pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
        if re.search(pattern, text):
            found.append(phrase)
    return max(found, key=len) if found else None


def classify_choice(text: str, language: str, options: tuple[str, ...]) -> str | None:
    """One of yes / no / not_sure / prefer_not_to_say found in the text, longest phrase first."""
    folded = fold(text)
    for lang in _languages(language):
        matches = {option: _has_phrase(folded, _phrases(lang, option)) for option in options}
        matches = {option: phrase for option, phrase in matches.items() if phrase}
        if matches:
            return max(matches, key=lambda option: len(matches[option]))
    return None


def parse_yes_no(text: str, language: str, private: bool = False) -> str | None:
    options = ("yes", "no", NOT_SURE) + ((PREFER_NOT_TO_SAY,) if private else ())
    return classify_choice(text, language, options)


# --- durations with spaCy's Matcher -----------------------------------------------------------


@cache
def _pipeline(language: str) -> tuple[Language, Matcher]:
    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, OSError):
        nlp = spacy.blank("xx")
    matcher = Matcher(nlp.vocab)

    def kind(name: str, optional: bool = False) -> dict:
        token: dict[str, Any] = {"_": {"answer_kind": name}}
        if optional:
            token["OP"] = "?"
        return token

    number, half, one_half, conj = kind("NUM"), kind("HALF"), kind("ONE_AND_HALF"), kind("AND")
    year, month, week = kind("YEAR"), kind("MONTH"), kind("WEEK")
    article = {"LOWER": {"IN": ["a", "an"]}, "OP": "?"}
    matcher.add("YEARS_MONTHS", [[number, year, kind("AND", True), number, month]])
    matcher.add("NUMBER_AND_HALF", [[number, conj, article, half, kind("YEAR", True)]])
    matcher.add("YEARS_AND_HALF", [[number, year, conj, article, half]])
    matcher.add("ONE_AND_HALF_YEARS", [[one_half, kind("YEAR", True)]])
    matcher.add("HALF_YEAR", [[half, article, year]])
    matcher.add("YEARS", [[number, year]])
    matcher.add("MONTHS", [[number, month]])
    matcher.add("WEEKS", [[number, week]])
    matcher.add("NUMBER", [[number]])
    # A unit alone is one of it: "rok" (a year), "roczek" (one year old), "miesiąc" (a month).
    matcher.add("YEAR_ALONE", [[year]])
    matcher.add("MONTH_ALONE", [[month]])
    return nlp, matcher


def _mark(doc: Doc, language: str) -> None:
    """Marks each token as a number, half, and, or a unit, in the language or in English."""
    for token in doc:
        token._.answer_kind = ""
        word = fold(token.text)
        for lang in _languages(language):
            words = _words(lang)
            numbers = {fold(name): value for name, value in words.get("numbers", {}).items()}
            kind, value = _token_kind(word, token, words, numbers, lang)
            if kind:
                token._.answer_kind, token._.answer_value = kind, value
                break


def _token_kind(word, token, words, numbers, lang) -> tuple[str | None, float | None]:
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return "NUM", float(word)
    if word in numbers:
        return "NUM", float(numbers[word])
    for kind, key in (("HALF", "half"), ("ONE_AND_HALF", "one_and_a_half"), ("AND", "and")):
        if word in _phrases(lang, key):
            return kind, None
    for kind, key in (("YEAR", "year_units"), ("MONTH", "month_units"), ("WEEK", "week_units")):
        if _has_phrase(word, _phrases(lang, key)) == word or any(
            unit.endswith("*") and word.startswith(unit[:-1]) for unit in _phrases(lang, key)
        ):
            return kind, None
    return None, None


def _normalise(text: str) -> str:
    text = re.sub(r"(\d),(\d)", r"\1.\2", text)  # "1,5 roku"
    text = re.sub(r"(\d)([^\W\d_])", r"\1 \2", text)  # "18m", "2yrs"
    return re.sub(r"([^\W\d_])(\d)", r"\1 \2", text)


def _join_decimals(doc: Doc) -> Doc:
    """Some tokenizers split "1.5" into three tokens; join them back into one number."""
    with doc.retokenize() as retokenizer:
        index = 0
        while index + 2 < len(doc):
            first, point, last = doc[index], doc[index + 1], doc[index + 2]
            if first.is_digit and point.text == "." and last.is_digit and not first.whitespace_:
                retokenizer.merge(doc[index : index + 3])
                index += 3
            else:
                index += 1
    return doc


def parse_duration(text: str, language: str) -> Duration | None:
    """The longest duration in the text, in months (weeks kept as weeks for "born early")."""
    nlp, matcher = _pipeline(language)
    doc = _join_decimals(nlp(_normalise(text)))
    _mark(doc, language)
    # "a"/"an" is one only before a unit ("a year"), never alone ("she's a toddler").
    matches = [
        (label, start, end)
        for label, start, end in matcher(doc)
        if not (end - start == 1 and doc[start].lower_ in ("a", "an"))
    ]
    if not matches:
        return None
    label_id, start, end = max(matches, key=lambda m: (m[2] - m[1], -m[1]))
    label = nlp.vocab.strings[label_id]
    numbers = [t._.answer_value for t in doc[start:end] if t._.answer_kind == "NUM"]
    if label == "YEARS_MONTHS":
        return Duration(numbers[0] * 12 + numbers[1])
    if label == "NUMBER_AND_HALF":
        return Duration((numbers[0] + 0.5) * 12)
    if label == "YEARS_AND_HALF":
        return Duration((numbers[0] + 0.5) * 12)
    if label == "ONE_AND_HALF_YEARS":
        return Duration(18.0)
    if label == "HALF_YEAR":
        return Duration(6.0)
    if label == "YEARS":
        return Duration(numbers[0] * 12)
    if label == "MONTHS":
        return Duration(numbers[0])
    if label == "YEAR_ALONE":
        return Duration(12.0)
    if label == "MONTH_ALONE":
        return Duration(1.0)
    if label == "WEEKS":
        return Duration(numbers[0] / (DAYS_PER_MONTH / 7), weeks=numbers[0])
    return Duration(numbers[0], unitless=True)


# --- dates of birth ---------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def parse_birth_date(text: str, language: str, today: dt.date) -> dt.date | None:
    if match := _ISO_DATE.search(text):
        year, month, day = (int(part) for part in match.groups())
        return _date(year, month, day)
    if match := _NUMERIC_DATE.search(text):
        day, month, year = (int(part) for part in match.groups())
        return _date(year + 2000 if year < 100 else year, month, day)
    folded = fold(text)
    for lang in _languages(language):
        for number, names in _month_names(lang).items():
            for name in names:
                pattern = rf"(?:(\d{{1,2}})\s*)?(?<!\w){re.escape(name)}\w*\.?\s*(\d{{4}})"
                if match := re.search(pattern, folded):
                    day = int(match.group(1)) if match.group(1) else 1
                    return _date(int(match.group(2)), number, day)
    return None


@cache
def _month_names(language: str) -> dict[int, tuple[str, ...]]:
    names: dict[int, set[str]] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            try:
                localised = get_month_names(width, context, locale=language)
            except (ValueError, LookupError):
                continue
            for number, name in localised.items():
                names.setdefault(number, set()).add(fold(name).rstrip("."))
    return {number: tuple(sorted(found, key=len, reverse=True)) for number, found in names.items()}


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def months_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / DAYS_PER_MONTH


# --- one parser per kind of question ----------------------------------------------------------


def parse_answer(kind: str, text: str, language: str, today: dt.date | None = None) -> Any:
    """The answer as the form stores it, or None when it is not understood."""
    today = today or dt.date.today()
    parser = _PARSERS[kind]
    return parser(text.strip(), language, today)


def _consent(text: str, language: str, today: dt.date) -> str | None:
    choice = parse_yes_no(text, language)
    return choice if choice in ("yes", "no") else None


def _age(text: str, language: str, today: dt.date) -> float | str | None:
    if parse_yes_no(text, language) == NOT_SURE:
        return NOT_SURE
    birth = parse_birth_date(text, language, today)
    if birth is not None:
        months = round(months_between(birth, today), 1)
    elif any(_has_phrase(fold(text), _phrases(lang, "less_than")) for lang in _languages(language)):
        return None  # "less than a year" is not an age: ask again rather than guess
    else:
        duration = parse_duration(text, language)
        if duration is None:
            return None
        months = duration.months
        if duration.unitless and months <= 6:
            # "he's 2" means two years; "26" means 26 months.
            months *= 12
    return months if 0 <= months <= MAX_AGE_MONTHS else None


def _premature(text: str, language: str, today: dt.date) -> float | str | None:
    duration = parse_duration(text, language)
    if duration is not None:
        if duration.weeks is not None or duration.unitless:
            weeks = duration.weeks if duration.weeks is not None else duration.months
        else:
            weeks = duration.months * DAYS_PER_MONTH / 7
        if 22 <= weeks <= FULL_TERM_WEEKS + 2:
            # "born at 32 weeks" is the length of the pregnancy, not how early.
            return max(0.0, FULL_TERM_WEEKS - weeks)
        return round(weeks, 1) if 0 <= weeks < 22 else None
    choice = parse_yes_no(text, language)
    if choice == "no":
        return 0.0
    return NOT_SURE if choice == NOT_SURE else None


def _delay(text: str, language: str, today: dt.date) -> float | str | None:
    duration = parse_duration(text, language)
    if duration is not None and duration.weeks is None:
        return duration.months
    choice = parse_yes_no(text, language)
    if choice == "no":
        return 0.0
    if choice == NOT_SURE:
        return NOT_SURE
    return None


def _yes_no(text: str, language: str, today: dt.date) -> str | None:
    return parse_yes_no(text, language, private=True)


def _diagnosis(text: str, language: str, today: dt.date) -> str | None:
    choice = parse_yes_no(text, language)
    if choice == "no":
        return NO_CONDITION
    if choice == NOT_SURE:
        return NOT_SURE
    named = _without_leading_yes(text, language)
    if named:
        return " ".join(named.split())[:MAX_DIAGNOSIS_CHARS]
    return "yes" if choice == "yes" else None


def _without_leading_yes(text: str, language: str) -> str:
    words = text.strip(" .,!").split(maxsplit=1)
    if words and parse_yes_no(words[0], language) == "yes":
        return words[1].strip(" ,.-:") if len(words) > 1 else ""
    return text.strip(" .,!")


def _asq_areas(text: str, language: str, today: dt.date) -> list[str] | str | None:
    if parse_yes_no(text, language) == NOT_SURE:
        return NOT_SURE
    folded = fold(text)
    found = []
    for lang in _languages(language):
        for area, phrases in _words(lang).get("areas", {}).items():
            if _has_phrase(folded, [fold(p) for p in phrases]) and area not in found:
                found.append(area)
    if found:
        return [area for area in SCREENING_AREAS if area in found]
    return "none" if parse_yes_no(text, language) == "no" else None


def _sensory(text: str, language: str, today: dt.date) -> str | None:
    if parse_yes_no(text, language) == NOT_SURE:
        return NOT_SURE
    folded = fold(text)
    for lang in _languages(language):
        senses = _words(lang).get("sensory", {})
        found = [
            k for k, phrases in senses.items() if _has_phrase(folded, [fold(p) for p in phrases])
        ]
        if "both" in found or {"hearing", "sight"} <= set(found):
            return "both"
        if found:
            return found[0]
    return "none" if parse_yes_no(text, language) == "no" else None


_PARSERS = {
    "consent": _consent,
    "age": _age,
    "premature": _premature,
    "diagnosis": _diagnosis,
    "yes_no": _yes_no,
    "delay": _delay,
    "asq_areas": _asq_areas,
    "sensory": _sensory,
}
