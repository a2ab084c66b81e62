"""Fixtures of the professional view's tests (loaded with `pytest_plugins`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import FakeRasa
from tests.web.professional_support import Clock, Pro, build_app


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def database(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'portage.db'}"


@pytest.fixture
def pro(fake_rasa: FakeRasa, database: str, clock: Clock) -> Iterator[Pro]:
    app = build_app(fake_rasa, database, clock)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        yield Pro(app, client, clock, fake_rasa)


@pytest.fixture
def signed_in(pro: Pro) -> Pro:
    """A health visitor, signed in."""
    pro.add_account()
    assert pro.sign_in().status_code == 303
    return pro
