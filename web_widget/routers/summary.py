"""The family summary of a conversation's screening: a printable page, a PDF and plain text.

Built again from the conversation's answers on every request, so nothing extra is stored. The
conversation id is the only key: it is random, known to the family's browser only, and never logged.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from bot.context import UnsupportedLanguage, choose_language
from bot.i18n import Translator
from bot.profiles import UnknownService, get_profile
from bot.summary import SummaryCopy, build_summary, render_text
from bot.summary.build import NoScreeningAnswers
from web_widget.dependencies import get_rasa
from web_widget.documents import render_summary_html, render_summary_pdf
from web_widget.rasa_client import AssistantUnavailable, RasaClient
from web_widget.schemas import SENDER_PATTERN

router = APIRouter(prefix="/summary", tags=["summary"])

Sender = Path(..., regex=SENDER_PATTERN, description="The conversation id")


def summary_links(sender: str) -> dict[str, str]:
    """Where the chat points a family once the screening has its result."""
    return {
        "html": f"/summary/{sender}",
        "pdf": f"/summary/{sender}/pdf",
        "text": f"/summary/{sender}/text",
    }


async def _copies(sender: str, rasa: RasaClient) -> list[SummaryCopy]:
    try:
        slots = await rasa.slots(sender)
    except AssistantUnavailable:
        raise HTTPException(status_code=503, detail="the assistant is not available") from None
    try:
        profile = get_profile(str(slots.get("service") or ""))
        language = choose_language(slots.get("language"), None, None)
        return build_summary(profile, slots, language, dt.date.today())
    except (UnknownService, UnsupportedLanguage, NoScreeningAnswers):
        raise HTTPException(
            status_code=404, detail="this conversation has no screening answers"
        ) from None


@router.get("/{sender}", response_class=HTMLResponse)
async def summary_page(
    request: Request, sender: str = Sender, rasa: RasaClient = Depends(get_rasa)
) -> HTMLResponse:
    copies = await _copies(sender, rasa)
    t = Translator(copies[0].language)
    links = summary_links(sender)
    downloads = {
        "label": t._("Download the summary"),
        "pdf": links["pdf"],
        "pdf_label": t._("Download as PDF"),
        "text": links["text"],
        "text_label": t._("Plain text to copy"),
    }
    html = render_summary_html(
        request.app.state.templates.env, copies, "/static/summary.css", downloads
    )
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


@router.get("/{sender}/pdf")
async def summary_pdf(
    request: Request, sender: str = Sender, rasa: RasaClient = Depends(get_rasa)
) -> Response:
    copies = await _copies(sender, rasa)
    pdf = render_summary_pdf(request.app.state.templates.env, copies)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": 'attachment; filename="portage-summary.pdf"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/{sender}/text", response_class=PlainTextResponse)
async def summary_text(sender: str = Sender, rasa: RasaClient = Depends(get_rasa)) -> Response:
    copies = await _copies(sender, rasa)
    return PlainTextResponse(render_text(copies), headers={"Cache-Control": "no-store"})
