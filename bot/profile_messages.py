"""A Babel extractor that turns every sentence in the service profiles into a catalog message.

babel.cfg maps bot/services/*.yaml to it, so `make catalogs-update` puts a co-ordinator's new
sentence in front of translators with a comment naming the service and the field it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

from bot.profile_schema import ServiceProfile, Text


def extract_profile(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    source = fileobj.read().decode("utf-8")
    profile = ServiceProfile.parse_obj(yaml.safe_load(source))
    lines = source.splitlines()
    for path, text in _texts(profile.dict(), ()):
        yield _line_of(text, lines), None, text, [f"{profile.id}: {'.'.join(path)}"]


def profile_texts(profile: ServiceProfile) -> list[str]:
    """Every translatable sentence of a profile (the tests check each has a translation)."""
    return [text for _, text in _texts(profile.dict(), ())]


def _texts(value: object, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, Text):
        yield path, str(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, str(index)))


def _line_of(text: str, lines: list[str]) -> int:
    """The line where a sentence starts, for translators (1 when folding hides it)."""
    opening = " ".join(text.split()[:4])
    for number, line in enumerate(lines, start=1):
        if opening and opening in " ".join(line.split()):
            return number
    return 1
