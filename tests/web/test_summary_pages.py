"""GET /summary/{sender}: the family summary page, its PDF and its plain text."""

from __future__ import annotations

import pytest

from tests.pdf_tools import pdf_text
from tests.unit.test_summary import SLOTS

SENDER = "a1b2c3d4e5f6a7b8"


@pytest.fixture
def answered(fake_rasa):
    fake_rasa.slots[SENDER] = {**SLOTS, "service": "buckinghamshire", "language": "pl"}
    return fake_rasa


def test_the_page_shows_both_copies_escaped_and_links_downloads(client, answered) -> None:
    response = client.get(f"/summary/{SENDER}")
    assert response.status_code == 200
    html = response.text
    assert html.index("Portage: podsumowanie") < html.index("Portage: a summary of your answers")
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert f'href="/summary/{SENDER}/pdf"' in html
    assert response.headers["cache-control"] == "no-store"
    assert "script-src" in response.headers["content-security-policy"]


def test_the_pdf_downloads_in_the_familys_language_and_english(client, answered) -> None:
    response = client.get(f"/summary/{SENDER}/pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    text = " ".join(pdf_text(response.content).split())
    assert "Twoje odpowiedzi" in text and "Your answers" in text


def test_plain_text(client, answered) -> None:
    response = client.get(f"/summary/{SENDER}/text")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert "Buckinghamshire" in response.text


def test_a_conversation_without_answers_has_no_summary(client, fake_rasa) -> None:
    fake_rasa.slots[SENDER] = {"service": "hampshire", "language": "en"}
    assert client.get(f"/summary/{SENDER}").status_code == 404
    assert client.get(f"/summary/{SENDER}/pdf").status_code == 404


@pytest.mark.parametrize("sender", ["short", "../../etc/passwd", "a" * 65, "bad id with spaces"])
def test_an_invalid_conversation_id_is_refused(client, sender: str) -> None:
    assert client.get(f"/summary/{sender}").status_code in (404, 422)


def test_rasa_down_is_503(client, fake_rasa) -> None:
    fake_rasa.up = False
    assert client.get(f"/summary/{SENDER}").status_code == 503


def test_the_chat_links_the_summary_once_the_result_is_shown(client, fake_rasa) -> None:
    fake_rasa.replies = [
        {"recipient_id": SENDER, "text": "Your answers suggest..."},
        {"recipient_id": SENDER, "custom": {"portage": {"language": "en", "summary": True}}},
    ]
    body = client.post("/api/chat", json={"sender": SENDER, "message": "yes"}).json()
    assert body["summary"] == {
        "html": f"/summary/{SENDER}",
        "pdf": f"/summary/{SENDER}/pdf",
        "text": f"/summary/{SENDER}/text",
    }
