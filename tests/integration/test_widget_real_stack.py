"""The widget on the demo Local Offer page, in headless Chromium, against the real action server,
Rasa model and web app: a FAQ question, the whole screening and the summary, by mouse and by
keyboard alone, in English and in Arabic with the panel right to left.

The stand-in for Rasa in tests/browser covers the widget's every state; this file shows the same
journey works with the real bot's messages, buttons and screening."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import WAIT_MS, screenshot
from tests.integration.conftest import Stack
from tests.integration.test_screening_chat import MAX_TURNS, PLANS, answer_for, inform

pytestmark = [pytest.mark.servers, pytest.mark.model]

# Typed where a parent types (the start, the age, a delay); buttons everywhere else.
JOURNEYS = {
    "en": {
        "service": "hampshire",
        "locale": "en-GB",
        "question": "do we need a diagnosis?",
        "start": "could you check if portage might suit my little boy?",
        "plan": PLANS["hampshire"][0],
    },
    "ar": {
        "service": "coventry",
        "locale": "ar",
        "question": "هل نحتاج إلى تشخيص حتى نحصل على Portage؟",
        "start": "أريد أن أعرف إذا كان Portage يناسب ابني",
        "plan": {
            "child_age_months": {"ar": "عمره سنتين"},
            "delay_communication": "9",
            "delay_personal_social": "12",
        },
    },
}


def _chat_reply(page: Page, act) -> dict:
    """Does `act` in the page and returns the web app's JSON answer to the message it sent."""
    with page.expect_response(lambda r: r.url.endswith("/api/chat"), timeout=60_000) as answer:
        act()
    return answer.value.json()


def _type(page: Page, text: str, by_keyboard: bool):
    def act() -> None:
        if by_keyboard:
            page.keyboard.type(text)
        else:
            page.locator("#message").fill(text)
        page.locator("#message").press("Enter")

    return act


def _choose(page: Page, title: str, by_keyboard: bool):
    def act() -> None:
        button = page.locator(".quick-replies button, .buttons button").filter(has_text=title).last
        if by_keyboard:
            button.focus()
            page.keyboard.press("Enter")
        else:
            button.click()

    return act


def _answer(page: Page, reply: dict, plan: dict, language: str, by_keyboard: bool):
    """The action a parent takes for the screening question in `reply`."""
    question = reply["screening"]["question"]
    buttons = reply["messages"][-1]["buttons"]
    wanted = (
        inform("yes")
        if question == "screening_consent"
        else answer_for(question, buttons, plan, language)
    )
    for button in buttons:
        if button["payload"] == wanted:
            return _choose(page, button["title"], by_keyboard)
    return _type(page, wanted, by_keyboard)


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_parent_asks_takes_the_screening_and_opens_the_summary(
    stack: Stack, browser, language: str, by_keyboard: bool
) -> None:
    journey = JOURNEYS[language]
    context = browser.new_context(locale=journey["locale"], viewport={"width": 1280, "height": 800})
    context.set_default_timeout(WAIT_MS * 3)
    page = context.new_page()
    try:
        page.goto(f"{stack.web_url}/?service={journey['service']}")
        panel = page.locator(".portage")
        expect(panel).to_have_attribute("lang", language)
        expect(panel).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")

        def open_the_chat() -> None:
            if by_keyboard:
                page.locator(".launcher").focus()
                page.keyboard.press("Enter")
            else:
                page.locator(".launcher").click()

        greeting = _chat_reply(page, open_the_chat)  # a new chat greets the parent first
        expect(page.locator(".panel")).to_be_visible()
        expect(page.locator(".bubble.bot").first).to_contain_text(
            greeting["messages"][0]["text"][:30]
        )

        faq = _chat_reply(page, _type(page, journey["question"], by_keyboard))
        assert faq["language"] == language
        expect(page.locator(".bubble.bot").last).to_contain_text(faq["messages"][-1]["text"][:40])

        reply = _chat_reply(page, _type(page, journey["start"], by_keyboard))
        for _ in range(MAX_TURNS):
            if not (reply.get("screening") or {}).get("question"):
                break
            if reply["screening"].get("number"):  # the consent question has no number
                expect(page.locator(".progress-text")).to_contain_text(
                    str(reply["screening"]["total"])
                )
            reply = _chat_reply(page, _answer(page, reply, journey["plan"], language, by_keyboard))
        else:
            pytest.fail(f"the screening did not finish within {MAX_TURNS} turns")
        review = reply["messages"][-1]["buttons"]
        assert review and review[0]["payload"] == "/show_screening_result", reply
        result = _chat_reply(page, _choose(page, review[0]["title"], by_keyboard))
        assert result.get("summary"), result
        headline = page.locator(".bubble.bot").filter(has_text=result["messages"][0]["text"][:30])
        expect(headline.last).to_be_visible()
        summary_link = page.locator(".summary-link").first
        expect(summary_link).to_be_visible()
        screenshot(page, f"real-{language}-{'keyboard' if by_keyboard else 'mouse'}-result")

        with context.expect_page() as opened:
            if by_keyboard:
                summary_link.focus()
                page.keyboard.press("Enter")
            else:
                summary_link.click()
        summary = opened.value
        summary.wait_for_load_state()
        expect(summary.locator("html")).to_have_attribute("lang", language)
        expect(summary.locator("html")).to_have_attribute(
            "dir", "rtl" if language == "ar" else "ltr"
        )
        screenshot(summary, f"real-{language}-{'keyboard' if by_keyboard else 'mouse'}-summary")
    finally:
        context.close()
