"""Issue 4's whole path with the real stack: a family in Polish finishes the screening, agrees to
share, gets a code; a health visitor (account made with `portage account add`) signs in, opens the
draft with the code, completes it and exports a PDF and a FHIR QuestionnaireResponse that
validates; the family's "delete my data" then makes the code worthless."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from bot.profiles import get_profile
from bot.referral.draft import referral_questions
from tests.integration.conftest import Stack
from tests.integration.test_screening_chat import CONFIRM, answer_every_question
from tests.pdf_tools import pdf_text

pytestmark = [pytest.mark.servers, pytest.mark.model]

SERVICE, LANGUAGE = "hampshire", "pl"
EMAIL, PASSWORD = "visitor@nhs.example", "a long enough pass phrase"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
SAMPLE = {
    "boolean": "yes",
    "date": "2024-06-01",
    "integer": "1",
    "decimal": "1",
    "string": "Filled in by the health visitor",
    "text": "Seen at home; ASQ-3 attached",
}


class Browser:
    """Keeps cookies by hand: on loopback http a client library drops Secure cookies that a
    browser keeps (Chromium treats 127.0.0.1 as a secure context)."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http
        self.cookies: dict[str, str] = {}

    def _keep(self, response: httpx.Response) -> httpx.Response:
        for name, value in response.cookies.items():
            self.cookies[name] = value
        return response

    def _headers(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    def get(self, path: str) -> httpx.Response:
        return self._keep(self.http.get(path, headers=self._headers()))

    def post_form(self, path: str, page: str, data: dict[str, str]) -> httpx.Response:
        token = _CSRF.search(self.get(page).text)
        assert token, f"no CSRF token on {page}"
        return self._keep(
            self.http.post(path, data={**data, "csrf_token": token[1]}, headers=self._headers())
        )


def make_account(stack: Stack) -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("portage")),
            "account",
            "add",
            "--email",
            EMAIL,
            "--name",
            "H. Visitor",
            "--role",
            "health_visitor",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_consent_code_sign_in_complete_and_export(stack: Stack) -> None:
    sender = "handoff-flow-pl-0001"
    fields = {"service": SERVICE, "language": LANGUAGE}
    answer_every_question(stack, sender, SERVICE, LANGUAGE)
    result = stack.chat(sender, CONFIRM[LANGUAGE], **fields).json()
    share = [b["payload"] for m in result["messages"] for b in m["buttons"]]
    assert "/share_with_professional" in share

    # Asked in words: the consent wording comes first and nothing is issued yet.
    offer = stack.chat(sender, "chcę przekazać te odpowiedzi mojej pielęgniarce", **fields).json()
    said = " ".join(m["text"] for m in offer["messages"])
    assert "Co zachowam" in said and "Kto może to zobaczyć" in said and "14 dni" in said
    assert offer["handoff"] is None
    issued = stack.chat(sender, "tak, zgadzam się", **fields).json()
    code = issued["handoff"]["code"]
    assert code in issued["messages"][0]["text"]
    assert issued["handoff"]["qr"].startswith("data:image/svg+xml;base64,")

    # The health visitor signs in, opens the draft with the code, completes it.
    make_account(stack)
    browser = Browser(stack.http)
    signed_in = browser.post_form(
        "/pro/sign-in", "/pro/sign-in", {"email": EMAIL, "password": PASSWORD}
    )
    assert signed_in.status_code == 303, signed_in.text
    opened = browser.post_form("/pro/open", "/pro", {"code": code.lower().replace("-", " ")})
    assert opened.status_code == 303, opened.text
    draft = opened.headers["location"]
    assert code not in draft
    page = browser.get(draft).text
    assert "Polish" in page and "Health visitor" not in EMAIL
    professional = {
        q.link_id: SAMPLE[q.answer_type]
        for q in referral_questions(get_profile(SERVICE))
        if q.completed_by == "professional"
    }
    saved = browser.post_form(draft, draft, professional)
    assert saved.status_code == 303, saved.text

    pdf = browser.get(f"{draft}/referral.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(pdf.content).split())
    assert "Filled in by the health visitor" in text and "Polish" in text

    exported = browser.get(f"{draft}/fhir")
    assert exported.status_code == 200
    bundle = Bundle.parse_raw(exported.content)
    response = QuestionnaireResponse.parse_obj(json.loads(exported.content)["entry"][1]["resource"])
    assert bundle.type == "collection" and response.status == "completed"

    sent = browser.post_form(f"{draft}/sent", draft, {})
    assert sent.status_code == 303, sent.text

    # The family deletes its data: the code no longer opens anything.
    stack.chat(sender, "usuń moje dane", **fields)
    again = browser.post_form("/pro/open", "/pro", {"code": code})
    assert again.status_code == 400
    # Neither the code nor what the family typed reached a log.
    logs = "\n".join(p.read_text(errors="replace") for p in stack.logs.glob("*.log"))
    assert code not in logs and "pielęgniarce" not in logs
