"""The web app: chat gateway to Rasa, health check, and the page families chat on."""

from __future__ import annotations

import secrets
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from bot.accounts.stores import open_stores
from bot.handoff.store import HandoffStore
from bot.profiles import all_profiles
from web_widget.conversations import ConversationStore
from web_widget.documents import template_environment
from web_widget.rasa_client import RasaClient
from web_widget.routers import chat, health, pages, professional, screening, summary, widget
from web_widget.security import BodySizeLimit, SecurityHeaders
from web_widget.settings import Settings

_HERE = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None, http: httpx.AsyncClient | None = None) -> FastAPI:
    """Builds the app; tests pass their own settings and an HTTP client with a fake transport."""
    settings = settings or Settings.from_environment()
    all_profiles()  # a broken profile stops start-up with the file and field named

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        client = http or httpx.AsyncClient(timeout=settings.rasa_timeout_seconds)
        app.state.rasa = RasaClient(
            client, settings.rasa_url, settings.rasa_token, settings.action_server_url
        )
        yield
        if http is None:
            await client.aclose()

    app = FastAPI(title="Portage Local Offer assistant", lifespan=lifespan)
    app.state.settings = settings
    app.state.conversations = ConversationStore(settings.tracker_url)
    app.state.handoffs = HandoffStore(
        settings.database_url,
        (settings.handoff_secret or secrets.token_urlsafe(32)).encode("utf-8"),
        days=settings.handoff_days,
    )
    app.state.pro = open_stores(
        settings.database_url,
        lookup_limit=settings.pro_lookup_limit,
        lookup_window_minutes=settings.pro_lookup_window_minutes,
        session_idle_minutes=settings.pro_session_idle_minutes,
        session_hours=settings.pro_session_hours,
    )
    app.state.templates = Jinja2Templates(env=template_environment())
    app.include_router(chat.router)
    app.include_router(health.router)
    app.include_router(screening.router)
    app.include_router(summary.router)
    app.include_router(pages.router)
    app.include_router(widget.router)
    app.include_router(professional.router)
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")
    app.add_middleware(
        BodySizeLimit, max_bytes=settings.max_body_bytes, larger=professional.LARGER_BODIES
    )
    app.add_middleware(SecurityHeaders, frame_ancestors=settings.widget_origins)
    # Council pages on the allow-list may call the chat API from the browser (no cookies).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.widget_origins),
        allow_methods=["POST"],
        allow_headers=["content-type"],
        max_age=600,
    )
    return app
