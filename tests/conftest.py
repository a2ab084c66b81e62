"""Shared fixtures: service profiles, translators that report missing translations."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator

import pytest

# The deployment default the tests assume; individual tests override it with monkeypatch.
os.environ.setdefault("PORTAGE_SERVICE", "hampshire")
# Handoffs and accounts of apps the tests build go to a throwaway database, never to var/.
os.environ.setdefault(
    "PORTAGE_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='portage-tests-')}/portage.db"
)

from bot.i18n import Translator
from bot.languages import supported_languages
from bot.profile_schema import ServiceProfile
from bot.profiles import all_profiles

SERVICE_IDS = ("buckinghamshire", "coventry", "dcts", "eyss", "hampshire")


@pytest.fixture(params=SERVICE_IDS)
def profile(request: pytest.FixtureRequest) -> ServiceProfile:
    return all_profiles()[request.param]


@pytest.fixture(params=supported_languages())
def language(request: pytest.FixtureRequest) -> str:
    return request.param


class StrictTranslator(Translator):
    """A Translator that remembers every message its catalog could not translate."""

    def __init__(self, language: str) -> None:
        self.missing: list[str] = []
        super().__init__(language, on_missing=self.missing.append)


@pytest.fixture
def strict_translator() -> Callable[[str], StrictTranslator]:
    return StrictTranslator


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Headless chromium for the widget's browser tests, shared by the whole session."""
    from tests.chromium import launched_chromium

    with launched_chromium() as chromium:
        yield chromium
