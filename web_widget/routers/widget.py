"""The embeddable chat widget (`/widget.js`) and the demo Local Offer page (`/`) that carries it.

A council embeds the widget with one tag:
    <script src="https://assistant.example/widget.js" data-service="hampshire"
            data-phone="01962 847070" data-email="portage@example.org" defer></script>
`data-phone` and `data-email` (and `data-contact`, the page's contact text, for a service with
neither) come with the council's page, so the widget can show them even when the web app or Rasa
does not answer.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from bot.contact import contact_lines
from bot.i18n import Translator
from bot.languages import known_languages, supported_languages
from web_widget.dependencies import PageChoice, page_choice

router = APIRouter(tags=["widget"])

_WIDGET_SOURCE = Path(__file__).resolve().parent.parent / "static" / "widget.js"
# widget.js holds this placeholder where the web app puts the labels in every language.
CONFIG_PLACEHOLDER = "{/*PORTAGE_WIDGET_CONFIG*/}"


def widget_labels(t: Translator) -> dict[str, str]:
    """The widget's own words in one language; the bot's messages come from the chat API."""
    return {
        "title": t._("Portage questions"),
        "close": t._("Close the chat"),
        "language": t._("Language"),
        "conversation": t._("Conversation"),
        "message": t._("Your question"),
        "send": t._("Send"),
        "typing": t._("The assistant is typing…"),
        "progress": t._("Question {number} of {total}"),
        "summary": t._("Open your summary"),
        "pdf": t._("Download as PDF"),
        "qr": t._("QR code of your code for your health visitor"),
        "start_again": t._("Start again"),
        "delete": t._("Delete my data"),
        "note": t._(
            "This is an automated assistant. Please do not type names or other personal details."
        ),
        "unavailable": t._(
            "Sorry, the assistant is not available just now. Please try again in a few "
            "minutes, or contact the service:"
        ),
        "not_sent": t._("Not sent yet"),
        "retry": t._("Try again"),
        "phone": t._("Phone: {phone}"),
        "email": t._("Email: {email}"),
    }


@lru_cache(maxsize=1)
def widget_script() -> bytes:
    """widget.js with the languages and every language's labels filled in (built once)."""
    languages = known_languages()
    config = {
        "languages": [
            {
                "code": code,
                "name": languages[code].native_name,
                "dir": languages[code].direction,
            }
            for code in supported_languages()
        ],
        "labels": {code: widget_labels(Translator(code)) for code in supported_languages()},
    }
    # Inside a <script> element "</" could end it, and U+2028/U+2029 end lines in older engines.
    data = (
        json.dumps(config, ensure_ascii=False, separators=(",", ":"))
        .replace("</", "<\\/")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    source = _WIDGET_SOURCE.read_text(encoding="utf-8")
    if CONFIG_PLACEHOLDER not in source:
        raise RuntimeError(f"{_WIDGET_SOURCE} has lost its {CONFIG_PLACEHOLDER} placeholder")
    return source.replace(CONFIG_PLACEHOLDER, data, 1).encode("utf-8")


@router.get("/widget.js", include_in_schema=False)
async def widget_js() -> Response:
    return Response(
        widget_script(),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.get("/", response_class=HTMLResponse)
async def demo_page(request: Request, choice: PageChoice = Depends(page_choice)) -> HTMLResponse:
    """A Local Offer service entry as a council would publish it, with the widget on it."""
    profile, code = choice.profile, choice.language
    t = Translator(code)
    page = request.app.state.templates.TemplateResponse(
        request,
        "demo.html",
        {
            "_": t._,
            "profile": profile,
            "language": known_languages()[code],
            "chosen_language": code if choice.language_chosen else None,
            "contact": "\n".join(contact_lines(profile, t)),
        },
    )
    page.headers["Vary"] = "Accept-Language"
    return page
