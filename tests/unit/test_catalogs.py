"""Catalogs: messages.pot matches the code; each language's catalog is complete and compiled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.languages import SOURCE_LANGUAGE, supported_languages
from bot.paths import LOCALES_DIR, REPO_ROOT
from bot.profile_messages import profile_texts
from bot.profiles import all_profiles

TRANSLATED = [code for code in supported_languages() if code != SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_messages_pot_is_up_to_date(tmp_path: Path) -> None:
    """A changed sentence in code, templates or profiles must be extracted: make catalogs-update."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            Path(sys.executable).with_name("pybabel"),
            "extract",
            "--mapping-file",
            "babel.cfg",
            "--output-file",
            str(fresh),
            "--add-comments",
            "TRANSLATORS:",
            ".",
        ],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    committed = {m.id for m in _catalog(LOCALES_DIR / "messages.pot") if m.id}
    extracted = {m.id for m in _catalog(fresh) if m.id}
    assert extracted - committed == set(), "new messages: run make catalogs-update"
    assert committed - extracted == set(), "stale messages: run make catalogs-update"


def test_profile_sentences_are_in_the_template() -> None:
    template = {m.id for m in _catalog(LOCALES_DIR / "messages.pot") if m.id}
    for profile in all_profiles().values():
        assert set(profile_texts(profile)) <= template, profile.id


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_is_complete_with_matching_placeholders(language: str) -> None:
    catalog = _catalog(LOCALES_DIR / language / "LC_MESSAGES" / "messages.po")
    template = {m.id for m in _catalog(LOCALES_DIR / "messages.pot") if m.id}
    problems = []
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {source!r}")
        if not all(strings):
            problems.append(f"untranslated: {source!r}")
        expected = sorted(PLACEHOLDER.findall(source))
        for string in strings:
            if string and sorted(set(PLACEHOLDER.findall(string))) != sorted(set(expected)):
                problems.append(f"placeholders differ: {source!r} -> {string!r}")
    missing = template - {m.id for m in catalog if m.id}
    problems += [f"missing: {message_id!r}" for message_id in sorted(map(str, missing))]
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_is_compiled(language: str) -> None:
    compiled = LOCALES_DIR / language / "LC_MESSAGES" / "messages.mo"
    source = compiled.with_suffix(".po")
    assert compiled.exists(), "run make catalogs"
    assert compiled.stat().st_mtime >= source.stat().st_mtime, "stale .mo: run make catalogs"


@pytest.mark.parametrize("language", TRANSLATED)
def test_glossary_exists_for_each_language(language: str) -> None:
    glossary = LOCALES_DIR / language / "glossary.md"
    assert glossary.exists()
    text = glossary.read_text(encoding="utf-8")
    for term in ("Portage", "health visitor", "nursery", "EHCP", "SEND", "Local Offer", "Makaton"):
        assert term in text, f"{language} glossary lacks {term}"
