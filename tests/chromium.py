"""Debian's chromium for the browser tests, launched by Playwright (never `playwright install`:
its browser download fails here)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = os.environ.get("PORTAGE_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("Debian's chromium is missing: run scripts/install_system_packages.sh")
    return path


@contextmanager
def launched_chromium() -> Iterator:
    """One headless chromium; Playwright's sync API allows one such driver per thread, so the
    whole test session shares it (tests/conftest.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
