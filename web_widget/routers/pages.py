"""GET /chat: a plain full-page chat, without the widget's launcher (the professional view hands it
to a family with a conversation id; the demo Local Offer page at / carries the widget)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from bot.context import UnsupportedLanguage, choose_language
from bot.i18n import Translator
from bot.languages import browser_language, known_languages, supported_languages
from bot.profiles import ServiceNotConfigured, UnknownService, default_service_id, get_profile
from web_widget.schemas import SENDER_PATTERN

router = APIRouter(tags=["pages"])


@router.get("/chat", response_class=HTMLResponse)
async def chat_page(
    request: Request,
    service: str | None = Query(None, max_length=40),
    language: str | None = Query(None, max_length=10),
    # Set by the professional view when a health visitor starts a screening with a family.
    sender: str | None = Query(None, regex=SENDER_PATTERN),
) -> HTMLResponse:
    try:
        profile = get_profile(service) if service else get_profile(default_service_id())
        code = (
            choose_language(language, None, None)
            if language
            else browser_language(request.headers.get("accept-language"))
        )
    except (UnknownService, ServiceNotConfigured, UnsupportedLanguage) as error:
        raise HTTPException(status_code=404, detail=str(error)) from None
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
