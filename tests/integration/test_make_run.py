"""`portage run`: three processes answer, each service answers for itself, Ctrl-C stops them."""

from __future__ import annotations

import signal

import httpx
import pytest

from tests.integration.conftest import STOP_TIMEOUT_SECONDS, Stack

pytestmark = [pytest.mark.servers, pytest.mark.model]


def test_all_three_processes_answer(stack: Stack) -> None:
    health = stack.http.get("/healthz").json()
    assert health["status"] == "ok"
    assert health["rasa"]["ok"] and health["action_server"]["ok"]
    assert "ready: http://127.0.0.1:" in stack.output.read_text()
    # The retention purge runs as soon as the assistant is ready, then on a schedule.
    assert "purge: 0 handoffs, 0 conversations" in stack.output.read_text()


EXPECTED_WHERE = {
    "buckinghamshire": "at your home only",
    "coventry": "at your home or in your child's early years setting",
    "dcts": "does not say where Portage sessions happen",
    "eyss": "at a children's centre",
    "hampshire": "at your home or in your child's early years setting",
}


@pytest.mark.parametrize("service", sorted(EXPECTED_WHERE))
def test_each_service_gets_its_own_answer(stack: Stack, service: str) -> None:
    text = stack.texts(
        f"where-{service}-0001", "where do the sessions take place?", service=service
    )
    assert EXPECTED_WHERE[service] in text


def test_a_conversation_in_polish(stack: Stack) -> None:
    sender = "polish-conversation-01"
    greeting = stack.texts(sender, "dzień dobry", service="hampshire", language="pl")
    assert "asystentem" in greeting
    answer = stack.texts(sender, "czy to coś kosztuje?", service="hampshire", language="pl")
    assert "bezpłat" in answer.lower()


def test_switching_language_in_the_chat(stack: Stack) -> None:
    sender = "switch-language-0001"
    response = stack.chat(sender, "can we speak polish please", service="coventry", language="en")
    assert response.json()["language"] == "pl"
    assert "po polsku" in response.text
    # The widget keeps sending "en"; the conversation stays in Polish.
    follow_up = stack.chat(sender, "is it free?", service="coventry", language="en").json()
    assert follow_up["language"] == "pl"


def test_urgent_concern_at_once(stack: Stack) -> None:
    sender = "urgent-concern-00001"
    stack.texts(sender, "hi", service="buckinghamshire")
    assert "999" in stack.texts(sender, "my son has stopped breathing", service="buckinghamshire")


def test_bot_challenge_and_handoff(stack: Stack) -> None:
    sender = "are-you-a-bot-00001"
    assert "not a person" in stack.texts(sender, "am i talking to a real person?", service="dcts")
    assert "01296 387 000" in stack.texts(
        sender, "can I speak to someone", service="buckinghamshire"
    )


def test_delete_my_data(stack: Stack) -> None:
    sender = "delete-my-data-0001"
    stack.texts(sender, "hello", service="hampshire")
    response = stack.chat(sender, "please delete my data", service="hampshire").json()
    assert response["conversation_deleted"] is True


def test_nothing_a_family_typed_is_in_the_logs(stack: Stack) -> None:
    logs = "\n".join(path.read_text(errors="replace") for path in stack.logs.glob("*.log"))
    assert logs, "the three processes write logs"
    distinctive = [message for message in stack.sent if len(message.split()) >= 3]
    assert len(distinctive) >= 5
    for message in distinctive:
        assert message not in logs


@pytest.mark.last
def test_ctrl_c_stops_all_three(stack: Stack) -> None:
    stack.process.send_signal(signal.SIGINT)
    assert stack.process.wait(timeout=STOP_TIMEOUT_SECONDS) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{stack.web_url}/healthz", timeout=2)
