"""POST /api/chat through FastAPI's test client, with Rasa faked at the HTTP boundary."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

import pytest

SENDER = "a1b2c3d4e5f6a7b8"


def chat(client, **body):
    return client.post("/api/chat", json={"sender": SENDER, "message": "hello", **body})


def test_a_message_goes_to_rasa_with_service_and_language(client, fake_rasa) -> None:
    fake_rasa.replies = [
        {
            "recipient_id": SENDER,
            "text": "Witaj",
            "buttons": [
                {"title": "Co to jest Portage?", "payload": '/faq{"topic":"what_is_portage"}'}
            ],
        },
        {"recipient_id": SENDER, "custom": {"portage": {"language": "pl", "service": "coventry"}}},
    ]
    response = chat(client, service="coventry", language="pl")
    assert response.status_code == 200
    assert fake_rasa.received == [
        {
            "sender": SENDER,
            "message": "hello",
            "metadata": {"service": "coventry", "language": "pl"},
        }
    ]
    body = response.json()
    assert body["language"] == "pl" and body["service"] == "coventry"
    assert body["messages"] == [
        {
            "text": "Witaj",
            "buttons": [
                {"title": "Co to jest Portage?", "payload": '/faq{"topic":"what_is_portage"}'}
            ],
        }
    ]


def test_without_a_service_the_configured_default_is_used(client, fake_rasa, monkeypatch) -> None:
    monkeypatch.setenv("PORTAGE_SERVICE", "dcts")
    chat(client)
    assert fake_rasa.received[-1]["metadata"] == {"service": "dcts"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"service": "atlantis"}, "service"),
        ({"language": "xx"}, "language"),
        ({"sender": "short"}, "sender"),
        ({"sender": "../../etc/passwd"}, "sender"),
        ({"message": ""}, "message"),
        ({"message": "   "}, "message"),
        ({"message": "x" * 1001}, "message"),
        ({"message": 42}, "message"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_input_is_a_clear_422_naming_the_field(client, fake_rasa, body, field) -> None:
    response = chat(client, **body)
    assert response.status_code == 422
    assert field in str(response.json()["detail"])
    assert fake_rasa.received == []


def test_unknown_service_error_lists_the_known_ones(client) -> None:
    detail = str(chat(client, service="atlantis").json()["detail"])
    assert "unknown service 'atlantis'" in detail and "hampshire" in detail


def test_oversized_and_malformed_bodies_are_refused(client) -> None:
    assert (
        client.post(
            "/api/chat", content=b"x" * 20_000, headers={"content-type": "application/json"}
        ).status_code
        == 413
    )
    assert (
        client.post(
            "/api/chat", content=b"{not json", headers={"content-type": "application/json"}
        ).status_code
        == 422
    )


def test_an_emergency_is_forwarded_as_urgent_concern(client, fake_rasa) -> None:
    chat(client, message="my baby is not breathing")
    assert fake_rasa.received[-1]["message"] == "/urgent_concern"


def test_a_typed_payload_cannot_inject_intents_or_entities(client, fake_rasa) -> None:
    chat(client, message='/faq{"topic":"cost","service":"coventry"}')
    assert not fake_rasa.received[-1]["message"].startswith("/")
    chat(client, message='/faq{"topic":"cost"}')
    assert fake_rasa.received[-1]["message"] == '/faq{"topic":"cost"}'


def test_rasa_down_gives_503_with_the_services_contact(make_client, fake_rasa) -> None:
    fake_rasa.up = False
    response = chat(make_client(), service="hampshire", language="pl")
    assert response.status_code == 503
    body = response.json()
    assert body["error"] == "assistant_unavailable"
    assert "01962 847070" in "\n".join(body["contact"])
    assert "Sorry" not in body["message"]  # in Polish


def test_an_empty_reply_means_the_action_server_failed(client, fake_rasa) -> None:
    fake_rasa.replies = []
    assert chat(client).status_code == 503


def test_delete_my_data_removes_the_conversation_from_the_tracker_store(
    make_client, fake_rasa, tmp_path: Path
) -> None:
    database = tmp_path / "rasa.db"
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)"
        )
        connection.executemany(
            "INSERT INTO events (sender_id, data) VALUES (?, ?)",
            [(SENDER, "a"), (SENDER, "b"), ("someone-else-123", "c")],
        )
    client = make_client(tracker_url=f"sqlite:///{database}")
    fake_rasa.replies = [
        {"recipient_id": SENDER, "text": "Deleted."},
        {
            "recipient_id": SENDER,
            "custom": {"portage": {"delete_conversation": True, "language": "en"}},
        },
    ]
    response = chat(client, message="delete my data")
    assert response.json()["conversation_deleted"] is True
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT sender_id FROM events").fetchall() == [
            ("someone-else-123",)
        ]


def test_healthz_reports_each_process(make_client, fake_rasa) -> None:
    client = make_client()
    healthy = client.get("/healthz")
    assert healthy.status_code == 200
    assert healthy.json()["rasa"] == {"ok": True, "model_id": "portage-test"}
    fake_rasa.actions_up = False
    degraded = client.get("/healthz")
    assert degraded.status_code == 503
    assert degraded.json()["action_server"]["ok"] is False


# The plain chat page (/chat) and the demo Local Offer page with the widget (/) speak the same way.
PAGES = ("/chat", "/")


@pytest.mark.parametrize("path", PAGES)
def test_chat_page_is_served_with_a_strict_content_security_policy(client, path) -> None:
    page = client.get(f"{path}?service=coventry&language=pl")
    assert page.status_code == 200
    assert 'lang="pl"' in page.text and "Coventry" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in page.text  # scripts only from our own files


@pytest.mark.parametrize("path", PAGES)
def test_chat_page_speaks_the_browser_language_unless_one_is_chosen(client, path) -> None:
    from_browser = client.get(
        f"{path}?service=eyss", headers={"Accept-Language": "ar-EG,ar;q=0.9,en;q=0.5"}
    )
    assert 'lang="ar"' in from_browser.text and 'dir="rtl"' in from_browser.text
    assert "Accept-Language" in from_browser.headers["vary"]
    chosen = client.get(f"{path}?service=eyss&language=so", headers={"Accept-Language": "ar"})
    assert 'lang="so"' in chosen.text and 'dir="ltr"' in chosen.text


@pytest.mark.parametrize("path", PAGES)
def test_chat_page_refuses_unknown_services(client, path) -> None:
    assert client.get(f"{path}?service=%3Cscript%3E").status_code == 404


def _handoff_reply(code: str) -> list[dict]:
    return [
        {"recipient_id": SENDER, "text": f"Your code is {code}."},
        {
            "recipient_id": SENDER,
            "custom": {"portage": {"handoff": {"code": code, "expires": "2026-12-08"}}},
        },
    ]


def test_a_handoff_code_comes_with_its_qr_code_as_an_inline_svg(client, fake_rasa) -> None:
    fake_rasa.replies = _handoff_reply("7kq2m xw4pd")
    body = chat(client, message="/affirm").json()
    handoff = body["handoff"]
    assert handoff["code"] == "7KQ2M-XW4PD" and handoff["expires"] == "2026-12-08"
    prefix = "data:image/svg+xml;base64,"
    assert handoff["qr"].startswith(prefix)
    svg = base64.b64decode(handoff["qr"][len(prefix) :]).decode()
    assert svg.startswith("<svg") and "<script" not in svg and "http" not in svg.split(">", 1)[1]


def test_anything_but_a_code_is_not_shown_as_one(client, fake_rasa) -> None:
    fake_rasa.replies = _handoff_reply("<img src=x onerror=alert(1)>")
    assert chat(client, message="/affirm").json()["handoff"] is None
