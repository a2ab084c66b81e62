"""A screening a health visitor starts with a family, on the health visitor's device, in the
family's language; with the family's agreement given in person, it becomes an English draft
referral straight away, without a code."""

from __future__ import annotations

import datetime as dt
import secrets
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import RedirectResponse, Response

from bot.accounts.accounts import Account
from bot.accounts.screenings import StartedScreening
from bot.accounts.stores import ProfessionalStores
from bot.handoff.store import HandoffStore
from bot.languages import is_supported, known_languages, supported_languages
from bot.profile_schema import ServiceProfile
from bot.profiles import all_profiles, get_profile
from bot.screening.questions import SLOTS, NoScreeningAnswers, asked_answers
from bot.summary import build_summary
from web_widget.dependencies import get_handoffs, get_rasa
from web_widget.pro_pages import ProfessionalRoute, render
from web_widget.pro_session import Professional, checked, form_field, get_now, get_pro, signed_in
from web_widget.rasa_client import AssistantUnavailable, RasaClient
from web_widget.schemas import SENDER_PATTERN

router = APIRouter(prefix="/screenings", route_class=ProfessionalRoute)

Sender = Path(..., regex=SENDER_PATTERN, description="The conversation id")
CONSENT_WORDING = (
    "The family agreed, in person, to their answers being kept and this referral being prepared."
)
AGREE_ERROR = "Confirm that the family agreed, in person, to this referral being prepared."


def _services(account: Account) -> list[ServiceProfile]:
    return [profile for profile in all_profiles().values() if account.may_see(profile.id)]


def _languages() -> list:
    languages = known_languages()
    return [languages[code] for code in supported_languages()]


def _new_page(
    request: Request, professional: Professional, errors: dict[str, str], status_code: int = 200
) -> Response:
    return render(
        request,
        "screening_new.html",
        {
            "languages": _languages(),
            "services": _services(professional.account),
            "errors": errors,
        },
        professional,
        status_code,
    )


@router.get("/new")
async def new_screening_page(
    request: Request, professional: Professional = Depends(signed_in)
) -> Response:
    return _new_page(request, professional, {})


@router.post("/new")
async def start_screening(
    request: Request,
    professional: Professional = Depends(checked),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
) -> Response:
    language = await form_field(request, "language")
    service = await form_field(request, "service")
    account = professional.account
    errors = {}
    if language not in supported_languages():
        errors["language"] = "Select the family's language"
    if service not in {profile.id for profile in _services(account)}:
        errors["service"] = "Select the Portage service"
    if errors:
        return _new_page(request, professional, errors, status_code=400)
    sender = secrets.token_hex(16)
    stores.screenings.start(sender, account.id, service, language, now)
    stores.audit.by(account, "started_screening", now)
    return RedirectResponse(f"/pro/screenings/{sender}", status_code=303)


def started_screening(
    sender: str = Sender,
    professional: Professional = Depends(signed_in),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
) -> StartedScreening:
    """A screening this professional started, still recent; 404 for anyone else's."""
    started = stores.screenings.get(sender, professional.account.id, now)
    if started is None:
        raise HTTPException(status_code=404)
    return started


@router.get("/{sender}")
async def screening_page(
    request: Request,
    sender: str = Sender,
    started: StartedScreening = Depends(started_screening),
    professional: Professional = Depends(signed_in),
) -> Response:
    query = urlencode({"service": started.service, "language": started.language, "sender": sender})
    return render(
        request,
        "screening_started.html",
        {
            "chat_url": f"/chat?{query}",
            "draft_url": f"/pro/screenings/{sender}/draft",
            "language": known_languages()[started.language],
            "service": get_profile(started.service),
        },
        professional,
    )


async def _answers(
    sender: str, started: StartedScreening, rasa: RasaClient, today: dt.date
) -> tuple[str, dict, list]:
    """The family's language, their answered screening slots and the English summary."""
    try:
        slots = await rasa.slots(sender)
    except AssistantUnavailable:
        raise HTTPException(status_code=503) from None
    profile = get_profile(started.service)
    # The family may have changed language in the chat; otherwise the one chosen at the start.
    spoken = slots.get("language")
    language = spoken if isinstance(spoken, str) and is_supported(spoken) else started.language
    try:
        answered, _ = asked_answers(
            profile.eligibility, {slot: slots.get(slot) for slot in SLOTS}, profile.id
        )
    except NoScreeningAnswers:
        raise HTTPException(status_code=404, detail="no screening answers") from None
    english = build_summary(profile, answered, "en", today)
    return language, answered, english


def _draft_page(
    request: Request,
    professional: Professional,
    sender: str,
    language: str,
    english: list,
    error: str = "",
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "screening_draft.html",
        {
            "copy": english[0],
            "language": known_languages()[language],
            "action": f"/pro/screenings/{sender}/draft",
            "error": error,
        },
        professional,
        status_code,
    )


@router.get("/{sender}/draft")
async def screening_draft_page(
    request: Request,
    sender: str = Sender,
    started: StartedScreening = Depends(started_screening),
    professional: Professional = Depends(signed_in),
    now: dt.datetime = Depends(get_now),
    handoffs: HandoffStore = Depends(get_handoffs),
    rasa: RasaClient = Depends(get_rasa),
) -> Response:
    if started.handoff_id and handoffs.get(started.handoff_id, now):
        return RedirectResponse(f"/pro/drafts/{started.handoff_id}", status_code=303)
    language, _, english = await _answers(sender, started, rasa, now.date())
    return _draft_page(request, professional, sender, language, english)


@router.post("/{sender}/draft")
async def create_draft(
    request: Request,
    sender: str = Sender,
    started: StartedScreening = Depends(started_screening),
    professional: Professional = Depends(checked),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
    handoffs: HandoffStore = Depends(get_handoffs),
    rasa: RasaClient = Depends(get_rasa),
) -> Response:
    if started.handoff_id and handoffs.get(started.handoff_id, now):
        return RedirectResponse(f"/pro/drafts/{started.handoff_id}", status_code=303)
    language, answered, english = await _answers(sender, started, rasa, now.date())
    if await form_field(request, "family_agreed") != "yes":
        return _draft_page(
            request, professional, sender, language, english, AGREE_ERROR, status_code=400
        )
    account = professional.account
    consent = {
        "given_at": now.isoformat(),
        "language": language,
        "method": "in_person",
        "recorded_by": account.name,
        "recorded_by_role": account.role_name.lower(),
        "days": handoffs.days,
        "wording_en": CONSENT_WORDING,
    }
    handoff_id = handoffs.create(
        started.service, language, answered, consent, now, origin="professional"
    ).id
    stores.screenings.link_handoff(sender, handoff_id)
    stores.sessions.add_opened(professional.session, handoff_id)
    stores.audit.by(account, "created_draft", now, handoff_id)
    return RedirectResponse(f"/pro/drafts/{handoff_id}", status_code=303)
