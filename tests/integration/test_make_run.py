"""`portage run` (what `make run` starts): three processes answer, then stop on Ctrl-C.

Uses the trained model in models/ and the real action server, Rasa server and web app on loopback
ports chosen for the test. Every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.paths import REPO_ROOT

pytestmark = [pytest.mark.servers, pytest.mark.model]

READY_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Stack:
    def __init__(self, process: subprocess.Popen, web_url: str, output: Path, logs: Path) -> None:
        self.process = process
        self.web_url = web_url
        self.output = output
        self.logs = logs
        self.sent: list[str] = []
        self.http = httpx.Client(base_url=web_url, timeout=60)

    def chat(self, sender: str, message: str, **fields: str) -> httpx.Response:
        self.sent.append(message)
        return self.http.post("/api/chat", json={"sender": sender, "message": message, **fields})

    def texts(self, sender: str, message: str, **fields: str) -> str:
        response = self.chat(sender, message, **fields)
        assert response.status_code == 200, response.text
        return "\n".join(m["text"] for m in response.json()["messages"])


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not list((REPO_ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model: make test trains it first")
    work = tmp_path_factory.mktemp("stack")
    ports = {"web": free_port(), "rasa": free_port(), "action": free_port()}
    output = work / "portage-run.log"
    env = {
        **os.environ,
        "PORTAGE_LOG_DIR": str(work / "log"),
        "PORTAGE_SERVICE": "hampshire",
        "PORTAGE_TRACKER_URL": f"sqlite:///{work / 'rasa.db'}",
    }
    with output.open("wb") as log:
        process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("portage")),
                "run",
                "--web-port",
                str(ports["web"]),
                "--rasa-port",
                str(ports["rasa"]),
                "--action-port",
                str(ports["action"]),
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    web_url = f"http://127.0.0.1:{ports['web']}"
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while "assistant ready" not in output.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"portage run did not become ready:\n{output.read_text(errors='replace')}")
        time.sleep(1)
    running = Stack(process, web_url, output, work / "log")
    yield running
    if process.poll() is None:
        process.kill()


def test_all_three_processes_answer(stack: Stack) -> None:
    health = stack.http.get("/healthz").json()
    assert health["status"] == "ok"
    assert health["rasa"]["ok"] and health["action_server"]["ok"]
    assert "ready: http://127.0.0.1:" in stack.output.read_text()


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


def test_ctrl_c_stops_all_three(stack: Stack) -> None:
    stack.process.send_signal(signal.SIGINT)
    assert stack.process.wait(timeout=STOP_TIMEOUT_SECONDS) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{stack.web_url}/healthz", timeout=2)
