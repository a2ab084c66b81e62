"""Understanding typed screening answers: ages, dates of birth, weeks born early, delays, yes/no.

Durations are found with spaCy's rule-based Matcher over a blank pipeline of the conversation's
language (no model download): each token is marked as a number, "half", "and", a connector or a
unit from answer_words.yml, and patterns such as NUMBER YEAR AND NUMBER MONTH give the months.
English words are tried after the conversation's own, since families often mix languages.

Connectors (the optional "connectors" key) are words that may stand between a number and its unit
or between the parts of a written date: Romanian "20 de luni", Spanish "3 de marzo de 2024".
Prefixes (the optional "prefixes" key) are conjunctions written joined to the next word, Arabic
"ونص" (and a half): they are split off when the rest of the word is one the parser knows.
Numbered units (the optional "numbered_units" key) are one word for a number and its unit, the
Arabic dual "سنتين" (two years). "Plus half" words (the optional "plus_half" key) add a half to the
number after them: Urdu "ساڑھے تین سال" is three and a half years.
Words are whole space- or punctuation-separated tokens in every script: Python's \\w leaves out the
vowel signs of Indic and Arabic scripts, so the parser's own word characters include them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
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


def _is_word_char(ch: str) -> bool:
    """A letter, digit or combining mark: Python's \\w leaves out vowel signs such as "া", "િ"."""
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


@cache
def _word_char() -> str:
    """A regex class of the characters _is_word_char accepts, for the date patterns.

    Without the marks a \\w boundary would find "না" (no) inside "শোনা" and "ના" inside "મહિના".
    Planes 0 and 1 hold every living script's marks. The class is large: compile it once.
    """
    marks = [code for code in range(0x20000) if unicodedata.category(chr(code)).startswith("M")]
    ranges: list[list[int]] = []
    for code in marks:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    spans = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)
    return rf"[\w{spans}]"


def _has_whole(text: str, phrase: str) -> bool:
    """True when the phrase stands in the text as whole words (a trailing * allows any ending).

    Checked by hand rather than with \\b or \\w, which treat Indic and Arabic vowel signs as gaps.
    """
    stem = phrase.endswith("*")
    core = phrase[:-1] if stem else phrase
    start = text.find(core)
    while core and start != -1:
        end = start + len(core)
        before = start == 0 or not _is_word_char(text[start - 1])
        after = stem or end == len(text) or not _is_word_char(text[end])
        if before and after:
            return True
        start = text.find(core, start + 1)
    return False


def _has_phrase(text: str, phrases: list[str]) -> str | None:
    """The longest phrase found as whole words (a trailing * allows any ending)."""
    found = [phrase for phrase in phrases if _has_whole(text, phrase)]
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
    # "سنتين" (two years), "شهرين" (two months): a number and its unit in one word.
    years, months, weeks = kind("NUM_YEAR"), kind("NUM_MONTH"), kind("NUM_WEEK")
    # "20 de luni", "jumătate de an": a connector may stand between a number and its unit.
    of = kind("OF", optional=True)
    article = {"LOWER": {"IN": ["a", "an"]}, "OP": "?"}
    maybe_and = kind("AND", optional=True)
    matcher.add(
        "YEARS_MONTHS",
        [
            [number, of, year, maybe_and, number, of, month],
            [years, maybe_and, number, of, month],
            [number, of, year, maybe_and, months],
            [years, maybe_and, months],
        ],
    )
    # "سنة و6 شهور", "un an și 6 luni" without the "one": a year and some months.
    matcher.add("YEAR_MONTHS", [[year, conj, number, of, month], [year, conj, months]])
    matcher.add("NUMBER_AND_HALF", [[number, conj, article, half, kind("YEAR", True)]])
    matcher.add("YEARS_AND_HALF", [[number, of, year, conj, article, half], [years, conj, half]])
    # "ساڑھے تین سال", "সাড়ে তিন বছর": a half more than the number after it.
    matcher.add("PLUS_HALF_YEARS", [[kind("PLUS_HALF"), number, of, year]])
    # "año y medio", "ano e meio": the "one" is often left out.
    matcher.add("YEAR_AND_HALF", [[year, conj, article, half]])
    matcher.add("ONE_AND_HALF_YEARS", [[one_half, kind("YEAR", True)]])
    matcher.add("HALF_YEAR", [[half, of, article, year]])
    matcher.add("YEARS", [[number, of, year], [years]])
    matcher.add("MONTHS", [[number, of, month], [months]])
    matcher.add("WEEKS", [[number, of, week], [weeks]])
    matcher.add("NUMBER", [[number]])
    # A unit alone is one of it: "rok" (a year), "roczek" (one year old), "miesiąc" (a month).
    matcher.add("YEAR_ALONE", [[year]])
    matcher.add("MONTH_ALONE", [[month]])
    return nlp, matcher


def _mark(doc: Doc, language: str) -> None:
    """Marks each token as a number, half, and, connector or unit, in the language or English."""
    for token in doc:
        token._.answer_kind = ""
        kind, value = _word_kind(fold(token.text), language)
        if kind:
            token._.answer_kind, token._.answer_value = kind, value
    _join_compound_numbers(doc)


def _word_kind(word: str, language: str) -> tuple[str | None, float | None]:
    """What a folded word is to the parser, in the language or else in English."""
    for lang in _languages(language):
        kind, value = _token_kind(word, _words(lang), _numbers(lang), lang)
        if kind:
            return kind, value
    return None, None


@cache
def _numbers(language: str) -> dict[str, str]:
    return {fold(name): value for name, value in _words(language).get("numbers", {}).items()}


@cache
def _numbered_units(language: str) -> dict[str, tuple[str, float]]:
    """Words that are a number and a unit at once, as the kind the Matcher sees and the number."""
    found = {}
    for unit, words in _words(language).get("numbered_units", {}).items():
        for word, value in words.items():
            found[fold(word)] = (f"NUM_{unit.upper()}", float(value))
    return found


def _token_kind(
    word: str, words: dict[str, Any], numbers: dict[str, str], lang: str
) -> tuple[str | None, float | None]:
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return "NUM", float(word)
    if word in numbers:
        return "NUM", float(numbers[word])
    if word in _numbered_units(lang):
        return _numbered_units(lang)[word]
    for kind, key in (
        ("HALF", "half"),
        ("ONE_AND_HALF", "one_and_a_half"),
        ("PLUS_HALF", "plus_half"),
        ("AND", "and"),
        ("OF", "connectors"),
    ):
        if word in _phrases(lang, key):
            return kind, None
    for kind, key in (("YEAR", "year_units"), ("MONTH", "month_units"), ("WEEK", "week_units")):
        if _has_phrase(word, _phrases(lang, key)) == word or any(
            unit.endswith("*") and word.startswith(unit[:-1]) for unit in _phrases(lang, key)
        ):
            return kind, None
    return None, None


def _is_number_word(token: Token) -> bool:
    return token._.answer_kind == "NUM" and not any(ch.isdigit() for ch in token.text)


def _join_compound_numbers(doc: Doc) -> None:
    """Reads "treinta y dos", "vinte e duas", "thirty-two" as one number, not as the last word.

    Without this "treinta y dos semanas" would be read as two weeks. The tens and the joining word
    become ordinary words and the units word carries the whole number, so NUMBER UNIT still matches.
    """
    index = 0
    while index + 1 < len(doc):
        tens = doc[index]
        value = tens._.answer_value
        if _is_number_word(tens) and value >= 20 and value % 10 == 0:
            joiner = doc[index + 1]
            joined = joiner.text == "-" or (joiner._.answer_kind == "AND" and joiner.is_alpha)
            units_at = index + 2 if joined else index + 1
            units = doc[units_at] if units_at < len(doc) else None
            after = doc[units_at + 1] if units_at + 1 < len(doc) else None
            if (
                units is not None
                and _is_number_word(units)
                and 1 <= units._.answer_value <= 9
                and not (after is not None and after._.answer_kind == "HALF")  # "twenty and a half"
            ):
                for token in doc[index:units_at]:
                    token._.answer_kind = ""
                units._.answer_value = value + units._.answer_value
                index = units_at + 1
                continue
        index += 1


def _ascii_digits(text: str) -> str:
    """Bengali "১৮", Gujarati "૧૮", Gurmukhi "੧੮", Arabic "١٨" and Urdu "۱۸" as "18"."""
    text = text.replace("\u066b", ".")  # the Arabic decimal separator: "١٫٥"
    return re.sub(r"\d", lambda match: str(unicodedata.decimal(match.group(), 0)), text)


def _normalise(text: str, language: str) -> str:
    text = re.sub(r"(\d),(\d)", r"\1.\2", _ascii_digits(text))  # "1,5 roku"
    word = _word_char()
    token = rf"(?:{word}|(?<=\d)\.(?=\d))+"
    text = re.sub(token, lambda match: _split_digits(match.group(), language), text)
    return re.sub(word + "+", lambda match: _split_prefix(match.group(), language), text)


def _split_digits(token: str, language: str) -> str:
    """Splits "18m", "2yrs", "و3" into number and word, but not Arabizi "la2", "3aref", "wa7ed".

    A digit joined to Latin letters is part of the word (Arabizi writes letters with digits) unless
    every Latin-letter part is a unit: "18m", "32weeks", "2y3m".
    """
    parts = re.findall(r"\d+(?:\.\d+)?|\D+", token)
    if len(parts) == 1:
        return token
    for part in parts:
        latin = any("LATIN" in unicodedata.name(ch, "") for ch in part)
        kind, _ = _word_kind(fold(part), language)
        if latin and kind not in ("YEAR", "MONTH", "WEEK"):
            return token
    return " ".join(parts)


def _split_prefix(token: str, language: str) -> str:
    """Splits a joined conjunction ("ونص" as "و نص") when the rest is a word the parser knows."""
    word = fold(token)
    if _word_kind(word, language)[0] or re.fullmatch(r"\d+(\.\d+)?", word):
        return token
    for lang in _languages(language):
        for prefix in _phrases(lang, "prefixes"):
            rest = word[len(prefix) :]
            if word.startswith(prefix) and rest and _word_kind(rest, language)[0]:
                return f"{prefix} {rest}"
    return token


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
    doc = _join_decimals(nlp(_normalise(text, language)))
    _mark(doc, language)
    # "a"/"an" (and the optional "articles": "una", "o") is one only before a unit ("a year"),
    # never alone ("she's a toddler", "es una niña").
    articles = {"a", "an"} | {
        word for lang in _languages(language) for word in _phrases(lang, "articles")
    }
    matches = [
        (label, start, end)
        for label, start, end in matcher(doc)
        if not (end - start == 1 and fold(doc[start].text) in articles)
    ]
    if not matches:
        return None
    label_id, start, end = max(matches, key=lambda m: (m[2] - m[1], -m[1]))
    label = nlp.vocab.strings[label_id]
    numbers = [t._.answer_value for t in doc[start:end] if t._.answer_kind.startswith("NUM")]
    if label == "YEARS_MONTHS":
        return Duration(numbers[0] * 12 + numbers[1])
    if label == "YEAR_MONTHS":
        return Duration(12 + numbers[0])
    if label == "PLUS_HALF_YEARS":
        return Duration((numbers[0] + 0.5) * 12)
    if label == "NUMBER_AND_HALF":
        return Duration((numbers[0] + 0.5) * 12)
    if label == "YEARS_AND_HALF":
        return Duration((numbers[0] + 0.5) * 12)
    if label in ("ONE_AND_HALF_YEARS", "YEAR_AND_HALF"):
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
# A day of the month before its written name, perhaps with an ordinal ending ("3rd", "1º" folded
# to "1o", "1ro").
_DAY_END = r"(?:[^\W\d_]{1,2}\b)?\.?\s*"
_DAY = rf"(\d{{1,2}}){_DAY_END}"


def parse_birth_date(text: str, language: str, today: dt.date) -> dt.date | None:
    text = _ascii_digits(text)
    if match := _ISO_DATE.search(text):
        year, month, day = (int(part) for part in match.groups())
        return _date(year, month, day)
    if match := _NUMERIC_DATE.search(text):
        day, month, year = (int(part) for part in match.groups())
        return _date(year + 2000 if year < 100 else year, month, day)
    with_year, _, numbers = _date_patterns(language)
    if match := with_year.search(fold(text)):
        day = int(match.group("day")) if match.group("day") else 1
        return _date(int(match.group("year")), numbers[match.group("month")], day)
    return None


def _has_date_without_year(text: str, language: str) -> bool:
    """True for "nació el 3 de marzo": a birthday without its year, not "3" as three years old."""
    _, without_year, _ = _date_patterns(language)
    return bool(without_year.search(fold(_ascii_digits(text))))


@cache
def _date_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """A written date with its year, a day and month without one, and each month name's number.

    One pattern per language for all the month names: the word class is large to compile.
    """
    numbers: dict[str, int] = {}
    for lang in _languages(language):
        for number, names in _month_names(lang).items():
            for name in names:
                numbers.setdefault(name, number)
    names = "|".join(re.escape(name) for name in sorted(numbers, key=len, reverse=True))
    connector, word = _connector_pattern(language), _word_char()
    day = rf"(?P<day>\d{{1,2}}){_DAY_END}"
    with_year = re.compile(
        rf"(?:{day}{connector})?(?<!{word})(?P<month>{names}){word}*\.?,?\s*{connector}(?P<year>\d{{4}})"
    )
    without_year = re.compile(rf"(?<!{word}){_DAY}{connector}(?:{names})\.?(?!{word})")
    return with_year, without_year, numbers


@cache
def _connector_pattern(language: str) -> str:
    """An optional connector and its space ("de ", "del "), so "3 de marzo de 2024" is a date."""
    words = {word for lang in _languages(language) for word in _phrases(lang, "connectors")}
    if not words:
        return ""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return rf"(?:(?:{alternatives})\s+)?"


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
        if duration.unitless and _has_date_without_year(text, language):
            return None  # "born 3 March": ask again for the year rather than read 3 as an age
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
