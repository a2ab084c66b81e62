"""The web app with a fake Rasa and action server behind an httpx MockTransport."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from fastapi.testclient import TestClient

from web_widget.app import create_app
from web_widget.settings import Settings


@dataclass
class FakeRasa:
    """Records what the gateway sends and answers like Rasa's REST channel."""

    replies: list[dict] = field(default_factory=lambda: [{"recipient_id": "x", "text": "Hello"}])
    up: bool = True
    actions_up: bool = True
    received: list[dict] = field(default_factory=list)
    # Slots per conversation, answered on Rasa's tracker API.
    slots: dict[str, dict] = field(default_factory=dict)

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/health":
            return httpx.Response(200 if self.actions_up else 500, json={"status": "ok"})
        if not self.up:
            raise httpx.ConnectError("refused", request=request)
        if request.url.path == "/status":
            return httpx.Response(200, json={"model_id": "portage-test"})
        if request.url.path.startswith("/conversations/"):
            sender = request.url.path.split("/")[2]
            assert "token" in request.url.params, "the tracker API needs Rasa's token"
            slots = self.slots.get(sender, {})
            return httpx.Response(200, json={"sender_id": sender, "slots": slots})
        self.received.append(json.loads(request.content))
        return httpx.Response(200, json=self.replies)


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def make_client(fake_rasa: FakeRasa, tmp_path) -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def make(**settings: object) -> TestClient:
        settings.setdefault("database_url", f"sqlite:///{tmp_path / 'portage.db'}")
        settings.setdefault("handoff_secret", "web-tests-handoff-secret")
        http = httpx.AsyncClient(transport=httpx.MockTransport(fake_rasa.handler))
        client = TestClient(create_app(Settings(**settings), http=http))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
