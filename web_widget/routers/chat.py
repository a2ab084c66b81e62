"""POST /api/chat: a family's message to the assistant, and its replies in the family's language."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse

from bot.contact import contact_lines
from bot.handoff.codes import InvalidCode, normalise
from bot.handoff.qr import qr_data_uri
from bot.i18n import Translator
from bot.languages import SOURCE_LANGUAGE
from bot.payloads import sanitise_user_message
from bot.profiles import ServiceNotConfigured, default_service_id, get_profile
from bot.replies import CONTROL_KEY
from bot.urgent import is_urgent
from web_widget.conversations import ConversationStore
from web_widget.dependencies import get_conversations, get_rasa
from web_widget.rasa_client import AssistantUnavailable, RasaClient
from web_widget.routers.summary import summary_links
from web_widget.schemas import ChatButton, ChatMessage, ChatRequest, ChatResponse, HandoffCode

router = APIRouter(prefix="/api", tags=["chat"])

URGENT_PAYLOAD = "/urgent_concern"


@router.post("/chat", response_model=ChatResponse, responses={503: {"description": "Rasa down"}})
async def chat(
    request: ChatRequest,
    rasa: RasaClient = Depends(get_rasa),
    conversations: ConversationStore = Depends(get_conversations),
) -> ChatResponse | JSONResponse:
    service = request.service or _configured_service()
    text = sanitise_user_message(request.message)
    if not text:
        raise HTTPException(status_code=422, detail="message: must contain text")
    if is_urgent(text):
        # Simple rules back up the model: an emergency always gets 999 guidance.
        text = URGENT_PAYLOAD
    metadata = {"service": service}
    if request.language:
        metadata["language"] = request.language
    try:
        raw = await rasa.send(request.sender, text, metadata)
    except AssistantUnavailable:
        return _unavailable(service, request.language)
    messages, control = _split(raw)
    if not messages:
        # Rasa answered without a reply: the action server is down or failing.
        return _unavailable(service, request.language)
    deleted = bool(control.get("delete_conversation"))
    if deleted:
        conversations.delete(request.sender)
    return ChatResponse(
        sender=request.sender,
        service=str(control.get("service") or service),
        language=str(control.get("language") or request.language or SOURCE_LANGUAGE),
        messages=messages,
        conversation_deleted=deleted,
        screening=control.get("screening") if isinstance(control.get("screening"), dict) else None,
        summary=summary_links(request.sender) if control.get("summary") is True else None,
        handoff=_handoff(control.get("handoff")),
    )


def _handoff(control: object) -> HandoffCode | None:
    """The code the action server made, with its QR code drawn here."""
    if not isinstance(control, dict):
        return None
    try:
        return HandoffCode(
            code=normalise(str(control.get("code", ""))),
            expires=str(control.get("expires", "")),
            qr=qr_data_uri(str(control["code"])),
        )
    except InvalidCode:
        return None


def _configured_service() -> str:
    try:
        return default_service_id()
    except ServiceNotConfigured as error:
        raise HTTPException(status_code=422, detail=f"service: {error}") from None


def _split(raw: list[dict]) -> tuple[list[ChatMessage], dict]:
    """Rasa's messages for the family, and the control values meant for the web app."""
    messages: list[ChatMessage] = []
    control: dict = {}
    for item in raw:
        custom = item.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get(CONTROL_KEY), dict):
            control.update(custom[CONTROL_KEY])
            continue
        text = item.get("text")
        if not isinstance(text, str) or not text:
            continue
        buttons = [
            ChatButton(title=str(button["title"]), payload=str(button["payload"]))
            for button in item.get("buttons") or []
            if isinstance(button, dict) and "title" in button and "payload" in button
        ]
        messages.append(ChatMessage(text=text, buttons=buttons))
    return messages, control


def _unavailable(service: str, language: str | None) -> JSONResponse:
    t = Translator(language or SOURCE_LANGUAGE)
    profile = get_profile(service)
    return JSONResponse(
        status_code=503,
        content={
            "error": "assistant_unavailable",
            "message": t._(
                "Sorry, the assistant is not available just now. Please try again in a few "
                "minutes, or contact the service:"
            ),
            "contact": contact_lines(profile, t),
        },
    )
