"""FastAPI dependencies: the shared clients the app creates once at start-up."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Query, Request

from bot.context import UnsupportedLanguage, choose_language
from bot.handoff.store import HandoffStore
from bot.languages import browser_language
from bot.profile_schema import ServiceProfile
from bot.profiles import ServiceNotConfigured, UnknownService, default_service_id, get_profile
from web_widget.conversations import ConversationStore
from web_widget.rasa_client import RasaClient
from web_widget.settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_rasa(request: Request) -> RasaClient:
    return request.app.state.rasa


def get_conversations(request: Request) -> ConversationStore:
    return request.app.state.conversations


def get_handoffs(request: Request) -> HandoffStore:
    return request.app.state.handoffs


@dataclass(frozen=True)
class PageChoice:
    profile: ServiceProfile
    language: str
    # True when the page was asked for a language (?language=), not given the browser's.
    language_chosen: bool


def page_choice(
    request: Request,
    service: str | None = Query(None, max_length=40),
    language: str | None = Query(None, max_length=10),
) -> PageChoice:
    """The service and language a family page is for: ?service= or the deployment's default, and
    ?language= or the browser's. An unknown one is a 404, never a silent default."""
    try:
        profile = get_profile(service) if service else get_profile(default_service_id())
        code = (
            choose_language(language, None, None)
            if language
            else browser_language(request.headers.get("accept-language"))
        )
    except (UnknownService, ServiceNotConfigured, UnsupportedLanguage) as error:
        raise HTTPException(status_code=404, detail=str(error)) from None
    return PageChoice(profile, code, bool(language))
