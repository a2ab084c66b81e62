"""Gettext catalogs for every sentence a family sees, and locale-aware formatting.

Messages are English msgids written in the code (``t._("...")``) or in the service profiles; Babel
extracts them into ``locales/messages.pot`` and translators fill ``locales/<lang>/.../messages.po``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from bot.languages import SOURCE_LANGUAGE, supported_languages
from bot.paths import LOCALES_DIR

DOMAIN = "messages"


class CatalogNotCompiled(RuntimeError):
    """A language has a .po catalog but no compiled .mo: `make catalogs` compiles them."""


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for a deferred marker
    """Marks a message for extraction; it is translated later, where the language is known."""
    return message


def _load(language: str) -> NullTranslations:
    if language == SOURCE_LANGUAGE:
        return NullTranslations()
    if language not in supported_languages():
        raise ValueError(f"unsupported language {language!r}")
    mo_file = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo_file.exists():
        raise CatalogNotCompiled(f"{mo_file} is missing: run 'make catalogs'")
    return Translations.load(str(LOCALES_DIR), [language], DOMAIN)


@cache
def _shared_catalog(language: str) -> NullTranslations:
    return _load(language)


class _MissingRecorder(NullTranslations):
    """Fallback that notes every message the catalog could not translate."""

    def __init__(self, record: Callable[[str], None]) -> None:
        super().__init__()
        self._record = record

    def gettext(self, message: str) -> str:
        self._record(message)
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self._record(singular)
        return singular if n == 1 else plural


def _formatting_locale(language: str) -> Locale:
    """Families live in England: British conventions where Babel has them (23 November 2026)."""
    try:
        return Locale.parse(f"{language}_GB")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(language)


class Translator:
    """Translates and formats for one language.

    With ``on_missing`` set, every message without a translation is reported to it: the tests use
    this to prove a conversation in Polish never falls back to English.
    """

    def __init__(self, language: str, on_missing: Callable[[str], None] | None = None) -> None:
        self.language = language
        self.locale = _formatting_locale(language)
        if on_missing is None or language == SOURCE_LANGUAGE:
            self._catalog = _shared_catalog(language)
        else:
            self._catalog = _load(language)
            self._catalog.add_fallback(_MissingRecorder(on_missing))

    def _(self, message: str, **values: object) -> str:
        translated = self._catalog.gettext(message)
        return translated.format(**values) if values else translated

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        translated = self._catalog.ngettext(singular, plural, count)
        return translated.format(count=self.number(count), **values)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def date(self, value: dt.date, style: str = "long") -> str:
        return format_date(value, format=style, locale=self.locale)

    def join(self, items: Iterable[str], style: str = "standard") -> str:
        """ "a, b and c" in English, "a, b i c" in Polish; style="or" gives "a, b or c"."""
        items = list(items)
        return format_list(items, style=style, locale=self.locale) if items else ""
