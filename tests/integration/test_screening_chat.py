"""A whole screening through /api/chat, for every service in English and in Polish, with the real
action server, Rasa model and web app: typed answers where parents type them, buttons elsewhere,
then the family summary downloaded as a PDF."""

from __future__ import annotations

import json

import pytest

from bot.i18n import Translator
from bot.screening.result import headline
from tests.integration.conftest import Stack
from tests.pdf_tools import pdf_text

pytestmark = [pytest.mark.servers, pytest.mark.model]

MAX_TURNS = 30

# Per service: typed answers (per language) or button values per question, and the outcome the
# page leads to. Questions not listed get the button meaning "no" / "no concerns".
PLANS = {
    "hampshire": (
        {
            "child_age_months": {"en": "2 and a half", "pl": "dwa i pół roku"},
            "delay_problem_solving": {"en": "about 10 months", "pl": "około 10 miesięcy"},
            "delay_communication": "12",
        },
        "likely",
    ),
    "coventry": (
        {
            "child_age_months": {"en": "24 months", "pl": "24 miesiące"},
            "delay_communication": "9",
            "delay_personal_social": "12",
        },
        "likely",
    ),
    "dcts": (
        {
            "child_age_months": {"en": "20 months", "pl": "20 miesięcy"},
            "asq_low_areas": {"en": "communication and thinking", "pl": "mowa i myślenie"},
        },
        "likely",
    ),
    "buckinghamshire": (
        {
            "child_age_months": {"en": "18 months", "pl": "półtora roku"},
            "diagnosis": {"en": "yes, Down syndrome", "pl": "tak, zespół Downa"},
            "known_to_social_care": "prefer_not_to_say",
        },
        "likely",
    ),
    "eyss": (
        {
            "child_age_months": {"en": "2 years", "pl": "2 lata"},
            "delay_communication": {"en": "not sure", "pl": "nie wiem"},
        },
        "possible",
    ),
}
NO_VALUES = ("0", "no", "none")
START = {
    "en": "can you check if portage might suit my child?",
    "pl": "czy możesz sprawdzić, czy Portage jest dla mojego dziecka?",
}
CONFIRM = {"en": "yes that's all correct", "pl": "tak, wszystko się zgadza"}


def inform(value: str) -> str:
    return "/inform" + json.dumps({"answer": value}, separators=(",", ":"))


def answer_for(question: str, buttons: list[dict], plan: dict, language: str) -> str:
    planned = plan.get(question)
    if isinstance(planned, dict):
        return planned[language]
    if planned is not None:
        return inform(planned)
    payloads = [button["payload"] for button in buttons]
    for value in NO_VALUES:
        if inform(value) in payloads:
            return inform(value)
    raise AssertionError(f"no planned answer and no 'no' button for {question}: {payloads}")


def answer_every_question(
    stack: Stack,
    sender: str,
    service: str,
    language: str,
    plan: dict | None = None,
    start: str | None = None,
) -> dict:
    """Starts the screening and answers until the review; returns the review's reply."""
    plan = PLANS[service][0] if plan is None else plan
    start = start or START[language]
    reply = stack.chat(sender, start, service=service, language=language).json()
    asked = []
    for _ in range(MAX_TURNS):
        question = (reply.get("screening") or {}).get("question")
        if question is None:
            break
        asked.append(question)
        buttons = reply["messages"][-1]["buttons"]
        message = (
            inform("yes")
            if question == "screening_consent"
            else answer_for(question, buttons, plan, language)
        )
        reply = stack.chat(sender, message, service=service, language=language).json()
    else:
        pytest.fail(f"the screening did not finish within {MAX_TURNS} turns: {asked}")
    return reply


@pytest.mark.parametrize("language", ["en", "pl"])
@pytest.mark.parametrize("service", sorted(PLANS))
def test_a_whole_screening_reaches_the_outcome(stack: Stack, service: str, language: str) -> None:
    _, expected = PLANS[service]
    sender = f"screen-{service}-{language}-01"
    reply = answer_every_question(stack, sender, service, language)
    review = "\n".join(m["text"] for m in reply["messages"])
    assert reply["messages"][-1]["buttons"][0]["payload"] == "/show_screening_result", review
    result = stack.chat(sender, CONFIRM[language], service=service, language=language).json()
    texts = [m["text"] for m in result["messages"]]
    t = Translator(language)
    assert texts[0] == headline(expected, t), texts
    assert (
        t._(
            "This is not a decision. Only the service can decide whether Portage is right "
            "for your child."
        )
        in texts
    )
    assert len(texts) >= 5  # headline, reasons, next steps, at least one step, decision note
    assert result["language"] == language
    # The family downloads its summary as a PDF: its language first, then English.
    pdf = stack.http.get(result["summary"]["pdf"])
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(pdf.content).split())
    assert headline(expected, t) in text
    assert headline(expected, Translator("en")) in text
    # The conversation id opens the summary, so it never reaches a log.
    logs = "\n".join(path.read_text(errors="replace") for path in stack.logs.glob("*.log"))
    assert f"/summary/{sender}" not in logs
