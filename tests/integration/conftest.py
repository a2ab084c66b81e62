"""The three processes of `portage run` (what `make run` starts), shared by the integration tests.

Uses the trained model in models/ and the real action server, Rasa server and web app on loopback
ports chosen for the test. Every wait is bounded. Tests marked `last` run after all others: they
stop the processes.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.paths import REPO_ROOT

READY_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Stack:
    def __init__(
        self, process: subprocess.Popen, web_url: str, output: Path, logs: Path, env: dict
    ) -> None:
        self.process = process
        # The environment `portage run` got: its database, handoff secret and service.
        self.env = env
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


@pytest.fixture(scope="session")
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
        "PORTAGE_DATABASE_URL": f"sqlite:///{work / 'portage.db'}",
        "PORTAGE_HANDOFF_SECRET": "integration-tests-handoff-secret",
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
    running = Stack(process, web_url, output, work / "log", env)
    yield running
    if process.poll() is None:
        process.kill()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)
