"""The chat gateway's request and response bodies (the design brief's fixed contract)."""

from __future__ import annotations

from pydantic import BaseModel, Field, StrictStr, validator

from bot.context import UnsupportedLanguage, choose_language
from bot.profiles import UnknownService, get_profile

SENDER_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
MAX_MESSAGE_CHARS = 1000


class ChatRequest(BaseModel):
    sender: StrictStr = Field(..., regex=SENDER_PATTERN, description="A random conversation id")
    message: StrictStr = Field(..., min_length=1, max_length=MAX_MESSAGE_CHARS)
    service: StrictStr | None = Field(None, description="A service id; PORTAGE_SERVICE if absent")
    language: StrictStr | None = Field(None, description="A supported language code, e.g. pl")

    class Config:
        extra = "forbid"

    @validator("message")
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @validator("service")
    def _known_service(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return get_profile(value).id
        except UnknownService as error:
            raise ValueError(str(error)) from None

    @validator("language")
    def _supported_language(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return choose_language(value, None, None)
        except UnsupportedLanguage as error:
            raise ValueError(str(error)) from None


class ChatButton(BaseModel):
    title: str
    payload: str


class ChatMessage(BaseModel):
    text: str
    buttons: list[ChatButton] = []


class HandoffCode(BaseModel):
    code: str
    expires: str
    qr: str


class ChatResponse(BaseModel):
    sender: str
    service: str
    language: str
    messages: list[ChatMessage]
    # True when the family asked to delete the conversation and it was deleted.
    conversation_deleted: bool = False
    # During the screening: the open question and its place, e.g. {"question": "child_age_months",
    # "number": 1, "total": 8}; the consent question has number 0.
    screening: dict | None = None
    # Once the screening has its result: links to the family summary (page, PDF, plain text).
    summary: dict[str, str] | None = None
    # After the family agreed to share: their code, its last day and its QR code (a data: URI).
    handoff: HandoffCode | None = None


class UnavailableResponse(BaseModel):
    error: str = "assistant_unavailable"
    message: str
    contact: list[str]
