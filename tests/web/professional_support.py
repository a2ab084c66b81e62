"""Shared set-up for the professional view's tests: an app on a fixed clock, over HTTPS so Secure
cookies round-trip, with accounts, handoffs and helpers to sign in and post forms."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import httpx
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.accounts.stores import ProfessionalStores, open_stores
from bot.handoff.store import HandoffStore
from tests.unit.test_summary import SLOTS
from tests.web.conftest import FakeRasa
from web_widget.app import create_app
from web_widget.pro_session import get_now
from web_widget.settings import Settings

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
PASSWORD = "correct horse battery staple"
HV_EMAIL = "hv@nhs.example"
STAFF_EMAIL = "coordinator@coventry.example"
# Cheap Argon2 parameters: the web tests sign in many times.
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
FAMILY_CONSENT = {
    "given_at": NOW.isoformat(),
    "language": "pl",
    "version": 1,
    "days": 14,
    "wording": "Zgadzam się na przekazanie odpowiedzi.",
    "wording_en": "I agree to my answers being kept for a professional.",
}
COMPLETE = {
    "child.name": "A. Child",
    "child.date_of_birth": "2024-09-01",
    "family.parent_names": "A. Parent",
    "family.address": "1 High Street\nWinchester SO23 8UJ",
    "family.contact": "01234 567890",
    "family.interpreter_needed": "yes",
    "consent.parent_agrees": "yes",
    "referrer.name": "H. Visitor",
    "referrer.role": "Health visitor",
    "referrer.organisation": "0-19 team",
    "referrer.contact": "01234 000000",
    "evidence.1": "ASQ-3 attached",
    "evidence.2": "Plan of reviews attached",
    "evidence.3": "Notes attached",
}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Clock:
    now: dt.datetime = NOW

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass
class Pro:
    """The app under test and what it keeps."""

    app: FastAPI
    client: TestClient
    clock: Clock
    fake_rasa: FakeRasa

    @property
    def stores(self) -> ProfessionalStores:
        return self.app.state.pro

    @property
    def handoffs(self) -> HandoffStore:
        return self.app.state.handoffs

    def add_account(
        self, email: str = HV_EMAIL, role: str = "health_visitor", service: str | None = None
    ) -> None:
        name = "H. Visitor" if role == "health_visitor" else "S. Staff"
        self.stores.accounts.create_account(email, name, role, PASSWORD, self.clock.now, service)

    def handoff(
        self, service: str = "hampshire", slots: dict | None = None, days_ago: float = 0
    ) -> str:
        code, _, _ = self.handoffs.create(
            service,
            "pl",
            SLOTS if slots is None else slots,
            FAMILY_CONSENT,
            self.clock.now - dt.timedelta(days=days_ago),
        )
        return code

    def sign_in(self, email: str = HV_EMAIL, password: str = PASSWORD) -> httpx.Response:
        token = csrf_token(self.client.get("/pro/sign-in").text)
        return self.client.post(
            "/pro/sign-in", data={"email": email, "password": password, "csrf_token": token}
        )

    def post(self, path: str, data: dict | None = None, page: str = "/pro") -> httpx.Response:
        """Posts a form with the CSRF token of the page it is on."""
        token = csrf_token(self.client.get(page).text)
        return self.client.post(path, data={**(data or {}), "csrf_token": token})

    def open(self, code: str) -> httpx.Response:
        return self.post("/pro/open", {"code": code})

    def open_draft(self, service: str = "hampshire", slots: dict | None = None) -> str:
        """Opens a new handoff with its code; returns the draft page's path."""
        response = self.open(self.handoff(service, slots))
        assert response.status_code == 303, response.text
        return response.headers["location"]

    def actions(self) -> list[str]:
        return [entry.action for entry in self.stores.audit.entries()]


def csrf_token(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def error_summary(html: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert match, "the page has no error summary"
    return match.group(0)


def build_app(fake_rasa: FakeRasa, database: str, clock: Clock, **settings: object) -> FastAPI:
    http = httpx.AsyncClient(transport=httpx.MockTransport(fake_rasa.handler))
    app = create_app(
        Settings(database_url=database, handoff_secret="pro-tests-handoff-secret", **settings),
        http=http,
    )
    app.state.pro = open_stores(
        database,
        hasher=CHEAP,
        lookup_limit=app.state.settings.pro_lookup_limit,
        lookup_window_minutes=app.state.settings.pro_lookup_window_minutes,
        session_idle_minutes=app.state.settings.pro_session_idle_minutes,
        session_hours=app.state.settings.pro_session_hours,
    )
    app.dependency_overrides[get_now] = lambda: clock.now
    return app
