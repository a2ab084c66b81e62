"""GET /chat: a plain full-page chat, without the widget's launcher (the professional view hands it
to a family with a conversation id; the demo Local Offer page at / carries the widget)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from bot.i18n import Translator
from bot.languages import known_languages, supported_languages
from web_widget.dependencies import PageChoice, page_choice
from web_widget.schemas import SENDER_PATTERN

router = APIRouter(tags=["pages"])


@router.get("/chat", response_class=HTMLResponse)
async def chat_page(
    request: Request,
    choice: PageChoice = Depends(page_choice),
    # Set by the professional view when a health visitor starts a screening with a family.
    sender: str | None = Query(None, regex=SENDER_PATTERN),
) -> HTMLResponse:
    profile, code = choice.profile, choice.language
    t = Translator(code)
    languages = known_languages()
    page = request.app.state.templates.TemplateResponse(
        request,
        "chat.html",
        {
            "_": t._,
            "profile": profile,
            "language": languages[code],
            "sender": sender,
            "languages": [languages[c] for c in supported_languages()],
        },
    )
    # Without ?language= the page follows the browser's languages, so caches must key on them.
    page.headers["Vary"] = "Accept-Language"
    return page
