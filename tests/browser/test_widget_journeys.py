"""A parent on the demo Local Offer page asks a question, takes the screening and opens the
summary: by mouse and by keyboard alone, in English and in Arabic (right to left), and when the
assistant is down. Screenshots go to results/browser/."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    HOSTILE_REPLY,
    SCREENSHOTS,
    WORDS,
    YES_NO,
    focused,
    run_axe,
    screenshot,
)


def bot_says(page: Page, text: str) -> None:
    expect(page.locator(".bubble.bot").filter(has_text=text).last).to_be_visible()


def open_widget(page: Page) -> None:
    page.locator(".launcher").click()
    expect(page.locator(".panel")).to_be_visible()


def ask(page: Page, question: str) -> None:
    page.locator("#message").fill(question)
    page.locator("#message").press("Enter")


def take_screening_by_mouse(page: Page, language: str) -> None:
    words = WORDS[language]
    page.get_by_role("button", name=words["screen"]).click()
    for number, question in enumerate(words["questions"], start=1):
        bot_says(page, question)
        progress = page.locator(".progress-text")
        expect(progress).to_be_visible()
        assert str(number) in progress.inner_text() and "3" in progress.inner_text()
        page.get_by_role("button", name=YES_NO[language][0][0], exact=True).click()
    bot_says(page, words["result"])


def sender_id(page: Page) -> str:
    stored = page.evaluate("() => sessionStorage.getItem('portage-widget:hampshire:sender')")
    return json.loads(stored)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_whole_conversation_by_mouse(open_page, live_server, language: str) -> None:
    page = open_page(locale="ar-EG" if language == "ar" else "en-GB")
    words = WORDS[language]
    widget = page.locator(".portage")
    expect(widget).to_have_attribute("lang", language)
    expect(widget).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")

    open_widget(page)
    assert focused(page)["id"] == "message"  # focus goes into the chat on open
    bot_says(page, words["greet"])
    ask(page, "do we need a diagnosis?" if language == "en" else "هل نحتاج إلى تشخيص؟")
    bot_says(page, words["faq"])
    expect(page.locator("[aria-live=polite]")).to_contain_text(words["faq"])
    assert live_server.rasa.received[-1]["metadata"] == {
        "service": "hampshire",
        "language": language,
    }
    screenshot(page, f"{language}-1-faq")

    take_screening_by_mouse(page, language)
    summary_link = page.locator(".summary-link").first
    expect(summary_link).to_be_visible()
    screenshot(page, f"{language}-2-result")

    panel = page.locator(".panel").bounding_box()
    bubble = page.locator(".bubble.bot").last.bounding_box()
    if language == "ar":  # the panel sits on the left and bot messages start from the right
        assert panel["x"] < 100
        assert panel["x"] + panel["width"] - (bubble["x"] + bubble["width"]) < 40
    else:
        assert panel["x"] + panel["width"] > 1280 - 100
        assert bubble["x"] - panel["x"] < 40

    # The conversation survives a reload: same conversation id, same messages, still open.
    before = sender_id(page)
    page.reload()
    expect(page.locator(".panel")).to_be_visible()
    bot_says(page, words["result"])
    assert sender_id(page) == before

    with page.context.expect_page() as summary_page_info:
        page.locator(".summary-link").first.click()
    summary = summary_page_info.value
    summary.wait_for_load_state()
    expect(summary.locator("html")).to_have_attribute("lang", language)
    assert before in summary.url
    screenshot(summary, f"{language}-3-summary")


def test_bot_text_is_shown_as_text_never_as_html(open_page) -> None:
    page = open_page()
    open_widget(page)
    ask(page, "show me some html")
    expect(page.locator(".bubble.bot").last).to_have_text(HOSTILE_REPLY)
    assert page.locator(".log img, .log a[href^='https://evil']").count() == 0
    assert page.evaluate("() => window.portageInjected") is None


def test_switching_language_mid_conversation(open_page, live_server) -> None:
    page = open_page()
    open_widget(page)
    bot_says(page, WORDS["en"]["greet"])
    page.locator("#language").select_option("ar")
    expect(page.locator(".portage")).to_have_attribute("dir", "rtl")
    expect(page.locator(".send")).to_have_text("إرسال")
    expect(page.locator(".launcher, .title").last).to_have_text("أسئلة عن Portage")
    bot_says(page, WORDS["ar"]["switched"])
    assert live_server.rasa.received[-1]["message"] == '/change_language{"language":"ar"}'
    assert live_server.rasa.received[-1]["metadata"]["language"] == "ar"
    screenshot(page, "switch-to-arabic")


def press_until_focused(page: Page, key: str, matches, limit: int = 30) -> dict:
    """Presses Tab (or Shift+Tab) until the focused element matches; bounded."""
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if now and matches(now):
            assert now["outline"] != "none" and now["outlineWidth"] >= 2, now  # visible focus
            return now
    raise AssertionError(f"{key} never reached the element; last focus: {focused(page)}")


def test_keyboard_alone(open_page) -> None:
    page = open_page()
    words = WORDS["en"]
    press_until_focused(page, "Tab", lambda f: "launcher" in f["className"])
    page.keyboard.press("Enter")
    expect(page.locator(".panel")).to_be_visible()
    assert focused(page)["id"] == "message"
    bot_says(page, words["greet"])

    page.keyboard.type("do we need a diagnosis?")
    page.keyboard.press("Enter")
    bot_says(page, words["faq"])
    press_until_focused(page, "Shift+Tab", lambda f: f["text"] == words["screen"])
    screenshot(page, "keyboard-1-focus-on-quick-reply")
    page.keyboard.press("Enter")
    for question in words["questions"]:
        bot_says(page, question)
        assert focused(page)["id"] == "message"  # the pressed button is gone; focus stays in
        press_until_focused(page, "Shift+Tab", lambda f: f["text"] == "Yes")
        page.keyboard.press("Enter")
    bot_says(page, words["result"])
    link = press_until_focused(page, "Shift+Tab", lambda f: f["text"] == "Open your summary")
    with page.context.expect_page() as summary_page_info:
        page.keyboard.press("Enter")
    summary_page_info.value.wait_for_load_state()
    assert "/summary/" in summary_page_info.value.url
    assert link["tag"] == "a"
    screenshot(page, "keyboard-2-summary-link")

    page.bring_to_front()
    page.locator("#message").focus()
    page.keyboard.press("Escape")
    expect(page.locator(".panel")).to_be_hidden()
    assert "launcher" in focused(page)["className"]  # focus returns to the launcher


def test_keyboard_alone_in_arabic_right_to_left(open_page) -> None:
    page = open_page(locale="ar")
    words = WORDS["ar"]
    press_until_focused(page, "Tab", lambda f: "launcher" in f["className"])
    page.keyboard.press("Enter")
    bot_says(page, words["greet"])
    press_until_focused(page, "Shift+Tab", lambda f: f["text"] == words["screen"])
    page.keyboard.press("Enter")
    for question in words["questions"]:
        bot_says(page, question)
        press_until_focused(page, "Shift+Tab", lambda f: f["text"] == YES_NO["ar"][0][0])
        page.keyboard.press("Enter")
    bot_says(page, words["result"])
    press_until_focused(page, "Shift+Tab", lambda f: "summary-link" in f["className"])
    screenshot(page, "keyboard-ar-summary-link")
    press_until_focused(page, "Tab", lambda f: "close" in f["className"], limit=40)
    page.keyboard.press("Enter")
    assert "launcher" in focused(page)["className"]


def test_when_the_assistant_is_down_the_parent_gets_the_contact_and_nothing_is_lost(
    open_page, live_server
) -> None:
    live_server.rasa.up = False
    page = open_page()
    open_widget(page)
    offline = page.locator(".offline")
    expect(offline).to_be_visible()
    expect(offline).to_contain_text("Phone: 01962 847070")
    expect(offline.locator("a[href='tel:01962847070']")).to_be_visible()

    ask(page, "is it free?")
    pending = page.locator(".bubble.user.pending")
    expect(pending).to_contain_text("is it free?")
    expect(pending).to_contain_text("Not sent yet")
    screenshot(page, "offline-panel")

    page.reload()  # still there after a reload, still waiting to be sent
    expect(page.locator(".bubble.user.pending")).to_contain_text("is it free?")

    live_server.rasa.up = True
    page.get_by_role("button", name="Try again").click()
    bot_says(page, WORDS["en"]["faq"])
    expect(page.locator(".bubble.user.pending")).to_have_count(0)
    expect(offline).to_be_hidden()
    messages = [body["message"] for body in live_server.rasa.received]
    assert messages == ["/greet", "is it free?"]  # in order, each once


def test_offline_without_phone_or_email_shows_the_pages_contact_text(
    open_page, live_server
) -> None:
    live_server.rasa.up = False
    page = open_page("/?service=coventry&language=en")
    open_widget(page)
    expect(page.locator(".offline")).to_contain_text("SEND Early Years team, Coventry")


def test_start_again_and_delete_my_data(open_page, live_server) -> None:
    page = open_page()
    open_widget(page)
    bot_says(page, WORDS["en"]["greet"])
    first = sender_id(page)
    ask(page, "is it at home?")
    bot_says(page, WORDS["en"]["faq"])
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(".bubble")).to_have_count(1)
    assert sender_id(page) != first

    second = sender_id(page)
    page.get_by_role("button", name="Delete my data").click()
    bot_says(page, WORDS["en"]["deleted"])
    expect(page.locator(".bubble")).to_have_count(1)
    assert sender_id(page) not in (first, second)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_serious_or_critical_violations(open_page, language: str) -> None:
    # bypass_csp lets the test inject axe-core; the widget itself runs under the strict policy.
    page = open_page(f"/?service=hampshire&language={language}", bypass_csp=True)
    assert run_axe(page) == []  # closed: the launcher on the page
    open_widget(page)
    bot_says(page, WORDS[language]["greet"])
    page.get_by_role("button", name=WORDS[language]["screen"]).click()
    bot_says(page, WORDS[language]["questions"][0])
    violations = run_axe(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"axe-{language}.json").write_text(json.dumps(violations, indent=2))
    screenshot(page, f"axe-{language}")
    assert violations == []


def test_axe_on_the_offline_panel(open_page, live_server) -> None:
    live_server.rasa.up = False
    page = open_page(bypass_csp=True)
    open_widget(page)
    expect(page.locator(".offline")).to_be_visible()
    assert run_axe(page) == []


@pytest.mark.parametrize(
    ("name", "viewport", "scale"),
    [("320px", {"width": 320, "height": 640}, 1), ("zoom-200", {"width": 640, "height": 400}, 2)],
)
def test_usable_at_320_px_and_at_200_percent_zoom(open_page, name, viewport, scale) -> None:
    # 200% zoom of a 1280 x 800 window is a 640 x 400 CSS-pixel viewport at twice the density.
    page = open_page(viewport=viewport, device_scale_factor=scale)
    open_widget(page)
    bot_says(page, WORDS["en"]["greet"])
    panel = page.locator(".panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= viewport["width"]
    for part in ("#message", ".send", ".close", "#language"):
        box = page.locator(part).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], part
        assert box["y"] + box["height"] <= viewport["height"], part
    overflow = page.locator(".log-region").evaluate("(e) => e.scrollWidth - e.clientWidth")
    assert overflow <= 0
    screenshot(page, f"small-{name}")


def test_motion_is_reduced_when_the_parent_asks(open_page) -> None:
    page = open_page(reduced_motion="reduce")
    open_widget(page)
    animation = page.locator(".dots span").first.evaluate(
        "(e) => getComputedStyle(e).animationName"
    )
    assert animation == "none"
    panel = page.locator(".panel").evaluate("(e) => getComputedStyle(e).animationName")
    assert panel == "none"


def test_the_widget_loads_under_the_strict_content_security_policy(open_page) -> None:
    page = open_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text))
    page.reload()
    open_widget(page)
    bot_says(page, WORDS["en"]["greet"])
    assert not [text for text in problems if re.search("Content Security Policy", text, re.I)]
