"""Browser tests: the real web app served by uvicorn on loopback, Rasa replaced by a scripted stub,
and Debian's chromium driven headless by Playwright (no browser download).

The stand-in reaches every state of the widget quickly; tests/integration/test_widget_real_stack.py
walks the Done-when journey (a question, the screening, the summary; English by mouse, Arabic by
keyboard) against the real Rasa model, action server and web app.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn

from tests.unit.test_summary import SLOTS
from web_widget.app import create_app
from web_widget.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "results" / "browser"
AXE = REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
WAIT_MS = 10_000  # every wait is bounded

# The stub's words, in English and Arabic: enough for a FAQ question, a three-question screening,
# a language switch and deleting the conversation.
YES_NO = {
    "en": [("Yes", "yes"), ("No", "no"), ("Not sure", "not_sure")],
    "ar": [("نعم", "yes"), ("لا", "no"), ("لست متأكدًا", "not_sure")],
}
WORDS = {
    "en": {
        "greet": "Hello! I can answer your questions about Portage.",
        "what_is": "What is Portage?",
        "screen": "Might Portage suit my child?",
        "faq": "No. Your child does not need a diagnosis to have Portage.",
        "questions": [
            "Is your child under school age?",
            "Are you worried about how your child talks or understands?",
            "Does your child go to a nursery?",
        ],
        "result": "Your answers suggest your child is likely to meet the service's criteria. "
        "Only the service can decide.",
        "switched": "OK, I will write in English from now on.",
        "deleted": "I have deleted this conversation.",
    },
    "ar": {
        "greet": "مرحبًا! يمكنني الإجابة عن أسئلتك عن Portage.",
        "what_is": "ما هو Portage؟",
        "screen": "هل يناسب Portage طفلي؟",
        "faq": "لا. لا يحتاج طفلك إلى تشخيص للحصول على Portage.",
        "questions": [
            "هل طفلك دون سن المدرسة؟",
            "هل أنت قلق بشأن كلام طفلك أو فهمه؟",
            "هل يذهب طفلك إلى الحضانة (nursery)؟",
        ],
        "result": "تشير إجاباتك إلى أن طفلك على الأرجح يستوفي شروط الخدمة. "
        "الخدمة وحدها هي التي تقرر.",
        "switched": "حسنًا، سأكتب بالعربية من الآن.",
        "deleted": "حذفت هذه المحادثة.",
    },
}
HOSTILE_REPLY = '<img src=x onerror="window.portageInjected=1"><a href="https://evil.example">x</a>'


@dataclass
class ScriptedRasa:
    """Answers like Rasa's REST channel behind the web app, following a short script."""

    up: bool = True
    received: list[dict] = field(default_factory=list)
    steps: dict[str, int] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    slots: dict[str, dict] = field(default_factory=dict)

    def reset(self) -> None:
        self.up = True
        self.received.clear()
        self.steps.clear()
        self.languages.clear()
        self.slots.clear()

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/health":
            return httpx.Response(200, json={"status": "ok"})
        if not self.up:
            raise httpx.ConnectError("refused", request=request)
        if request.url.path == "/status":
            return httpx.Response(200, json={"model_id": "browser-stub"})
        if request.url.path.startswith("/conversations/"):
            sender = request.url.path.split("/")[2]
            return httpx.Response(200, json={"sender_id": sender, "slots": self.slots.get(sender)})
        body = json.loads(request.content)
        self.received.append(body)
        return httpx.Response(200, json=self.reply(body))

    def reply(self, body: dict) -> list[dict]:
        sender, message = body["sender"], body["message"]
        metadata = body.get("metadata") or {}
        language = self.languages.get(sender) or metadata.get("language") or "en"
        if message.startswith("/change_language"):
            language = json.loads(message[len("/change_language") :])["language"]
        language = language if language in WORDS else "en"
        self.languages[sender] = language
        words = WORDS[language]
        control: dict = {"language": language, "service": metadata.get("service")}
        texts: list[dict] = []
        step = self.steps.get(sender)

        def ask(number: int) -> None:
            self.steps[sender] = number
            buttons = [
                {"title": title, "payload": f'/inform{{"answer":"{value}"}}'}
                for title, value in YES_NO[language]
            ]
            texts.append({"text": words["questions"][number - 1], "buttons": buttons})
            control["screening"] = {"question": f"q{number}", "number": number, "total": 3}

        if message == "/greet":
            texts.append(
                {
                    "text": words["greet"],
                    "buttons": [
                        {"title": words["what_is"], "payload": '/faq{"topic":"what_is_portage"}'},
                        {"title": words["screen"], "payload": "/start_screening"},
                    ],
                }
            )
        elif message.startswith("/change_language"):
            texts.append({"text": words["switched"]})
        elif message == "/delete_my_data":
            texts.append({"text": words["deleted"]})
            control["delete_conversation"] = True
        elif message == "/start_screening":
            ask(1)
        elif message.startswith("/inform") and step is not None:
            if step < 3:
                ask(step + 1)
            else:
                self.steps.pop(sender)
                texts.append({"text": words["result"]})
                control["summary"] = True
                self.slots[sender] = {**SLOTS, "service": "hampshire", "language": language}
        elif "html" in message:
            texts.append({"text": HOSTILE_REPLY})
        else:  # like the real FAQ answers, it ends with one next step as a button
            texts.append(
                {
                    "text": words["faq"],
                    "buttons": [{"title": words["screen"], "payload": "/start_screening"}],
                }
            )
        return [
            *({"recipient_id": sender, **text} for text in texts),
            {"recipient_id": sender, "custom": {"portage": control}},
        ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    rasa: ScriptedRasa


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    rasa = ScriptedRasa()
    database = tmp_path_factory.mktemp("browser") / "portage.db"
    app = create_app(
        Settings(database_url=f"sqlite:///{database}", handoff_secret="browser-tests-secret"),
        http=httpx.AsyncClient(transport=httpx.MockTransport(rasa.handler)),
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", access_log=False, ws="none"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start within 15 s")
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", rasa)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def open_page(browser, live_server: LiveServer) -> Iterator[Callable]:
    """A new page in a fresh browser context (its own sessionStorage), on the demo page."""
    live_server.rasa.reset()
    contexts = []

    def open_(path: str = "/?service=hampshire", **context_options):
        context_options.setdefault("locale", "en-GB")
        context_options.setdefault("viewport", {"width": 1280, "height": 800})
        context = browser.new_context(**context_options)
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + path)
        return page

    yield open_
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


# The element with focus, looking through shadow roots.
DEEP_FOCUS_JS = """() => {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  if (!active) return null;
  const style = getComputedStyle(active);
  return {tag: active.tagName.toLowerCase(), id: active.id, text: active.textContent.trim(),
          className: active.className, outline: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth)};
}"""


def focused(page) -> dict:
    return page.evaluate(DEEP_FOCUS_JS)


def run_axe(page) -> list[dict]:
    """axe-core's serious and critical violations on the page (shadow DOM included)."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run scripts/install_axe.sh")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "nodes": [node["target"] for node in violation["nodes"]],
        }
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
