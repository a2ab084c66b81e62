"""The embeddable widget's files, its labels in every language, the demo page and the allow-list."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from bot.languages import supported_languages
from web_widget.routers.widget import CONFIG_PLACEHOLDER, widget_labels, widget_script
from web_widget.settings import parse_origins

STATIC = Path(__file__).resolve().parents[2] / "web_widget" / "static"
BUDGET_BYTES = 30 * 1024  # issue 6: JavaScript and CSS together, gzipped


def _config(script: bytes) -> dict:
    match = re.search(rb"var CONFIG = (\{.*?\});\n", script)
    assert match, "widget.js carries its configuration"
    return json.loads(match.group(1))


def test_widget_js_is_served_with_every_language_and_its_labels(client) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert CONFIG_PLACEHOLDER.encode() not in response.content
    config = _config(response.content)
    assert [language["code"] for language in config["languages"]] == list(supported_languages())
    assert {"name": "العربية", "dir": "rtl"}.items() <= next(
        language for language in config["languages"] if language["code"] == "ar"
    ).items()
    assert set(config["labels"]) == set(supported_languages())


@pytest.mark.parametrize("language", [c for c in supported_languages() if c != "en"])
def test_every_widget_label_is_translated(strict_translator, language: str) -> None:
    t = strict_translator(language)
    labels = widget_labels(t)
    assert t.missing == []
    assert labels["progress"].count("{number}") == 1 and "{total}" in labels["progress"]
    assert "{phone}" in labels["phone"] and "{email}" in labels["email"]


def test_widget_javascript_and_css_fit_the_size_budget() -> None:
    css = (STATIC / "widget.css").read_bytes()
    size = len(gzip.compress(widget_script(), 9)) + len(gzip.compress(css, 9))
    print(f"widget.js + widget.css gzipped: {size} bytes")
    assert size <= BUDGET_BYTES


def test_widget_code_renders_text_only() -> None:
    """No HTML parsing of anything the bot or the parent wrote, and no string evaluation."""
    source = (STATIC / "widget.js").read_text(encoding="utf-8")
    for risky in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
    ):
        assert risky not in source, risky
    assert 'setAttribute("style"' not in source and ".style." not in source  # CSP: no inline style


def test_demo_page_is_a_local_offer_entry_with_the_widget_tag(client) -> None:
    page = client.get("/?service=hampshire&language=en")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Hampshire Portage Service</h1>" in html
    assert "How to contact the service" in html and "01962 847070" in html
    assert re.search(
        r'<script src="/widget.js" data-service="hampshire" data-language="en"'
        r' data-phone="01962 847070"\s+data-contact="Hampshire Portage Service[^"]*"'
        r" defer></script>",
        html,
    )


def test_demo_page_without_a_language_lets_the_widget_follow_the_browser(client) -> None:
    html = client.get("/?service=coventry").text
    assert 'data-service="coventry"' in html and "data-language" not in html


def test_a_service_without_phone_or_email_sends_its_contact_text_with_the_page(client) -> None:
    html = client.get("/?service=coventry&language=en").text
    assert "data-phone" not in html and "data-email" not in html
    assert 'data-contact="SEND Early Years team, Coventry\nThe page does not give' in html


ALLOWED = "https://www.hants.gov.uk"


def _preflight(client, origin: str):
    return client.options(
        "/api/chat",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )


def test_an_allowed_council_site_may_call_the_chat_api(make_client, fake_rasa) -> None:
    client = make_client(widget_origins=(ALLOWED,))
    preflight = _preflight(client, ALLOWED)
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ALLOWED
    assert "access-control-allow-credentials" not in preflight.headers
    response = client.post(
        "/api/chat",
        json={"sender": "a1b2c3d4e5f6a7b8", "message": "hello"},
        headers={"Origin": ALLOWED},
    )
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert f"frame-ancestors 'self' {ALLOWED}" in response.headers["content-security-policy"]


def test_no_other_site_may_frame_the_professional_view(make_client) -> None:
    client = make_client(widget_origins=(ALLOWED,))
    policy = client.get("/pro/sign-in").headers["content-security-policy"]
    assert "frame-ancestors 'self';" in policy and ALLOWED not in policy


def test_other_sites_are_refused(make_client) -> None:
    client = make_client(widget_origins=(ALLOWED,))
    refused = _preflight(client, "https://evil.example")
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    default = _preflight(make_client(), ALLOWED)
    assert "access-control-allow-origin" not in default.headers


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        ("", ()),
        (
            "https://www.hants.gov.uk, http://localhost:8080",
            ("https://www.hants.gov.uk", "http://localhost:8080"),
        ),
        ("HTTPS://Example.org/", ("https://example.org",)),
    ],
)
def test_allowed_origins_are_read_from_the_environment(text: str, origins: tuple) -> None:
    assert parse_origins(text) == origins


@pytest.mark.parametrize(
    "text", ["*", "https://*.gov.uk", "https://example.org/page", "example.org"]
)
def test_anything_but_a_plain_origin_stops_start_up(text: str) -> None:
    with pytest.raises(ValueError, match="PORTAGE_WIDGET_ORIGINS"):
        parse_origins(text)
