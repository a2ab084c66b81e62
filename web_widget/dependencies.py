"""FastAPI dependencies: the shared clients the app creates once at start-up."""

from __future__ import annotations

from fastapi import Request

from bot.handoff.store import HandoffStore
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
