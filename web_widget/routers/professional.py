"""The professional view (/pro): sign-in for health visitors and service staff, and opening a
family's draft referral with the code the family gave them.

A draft opened with its code is remembered in the session, and from then on reached by the
handoff's random id: the code never appears in a URL, a page or the audit log.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from bot.accounts.accounts import SignInRefused
from bot.accounts.ratelimit import limit_key
from bot.accounts.stores import ProfessionalStores
from bot.handoff.store import HandoffStore
from bot.profiles import all_profiles
from web_widget.dependencies import get_handoffs
from web_widget.pro_pages import ProfessionalRoute, render
from web_widget.pro_session import (
    SESSION_COOKIE,
    SIGN_IN_CSRF_COOKIE,
    Professional,
    checked,
    checked_sign_in_form,
    clear_cookie,
    form_field,
    get_now,
    get_pro,
    new_sign_in_token,
    set_cookie,
    signed_in,
)
from web_widget.routers import professional_drafts, professional_screenings

router = APIRouter(prefix="/pro", tags=["professional"], route_class=ProfessionalRoute)

SIGN_IN_ERROR = (
    "The email address or password is not right, or the account is locked. After 5 wrong "
    "passwords an account is locked for 15 minutes."
)
CODE_ERROR = (
    "This code is not right, has expired, or is for a draft you cannot open. Check the code "
    "with the family."
)
MAX_CODE_CHARS = 40
# A referral form holds several answers of up to 2,000 characters, percent-encoded.
LARGER_BODIES = {"/pro/drafts/": 128 * 1024}


def _sign_in_page(
    request: Request, email: str = "", error: str = "", status_code: int = 200
) -> Response:
    token = request.cookies.get(SIGN_IN_CSRF_COOKIE, "")
    if not (20 <= len(token) <= 64):
        token = new_sign_in_token()
    response = render(
        request,
        "sign_in.html",
        {"sign_in_token": token, "email": email, "error": error},
        status_code=status_code,
    )
    set_cookie(response, SIGN_IN_CSRF_COOKIE, token, max_age=3600)
    return response


@router.get("/sign-in")
async def sign_in_page(request: Request) -> Response:
    return _sign_in_page(request)


@router.post("/sign-in", dependencies=[Depends(checked_sign_in_form)])
async def sign_in(
    request: Request,
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
) -> Response:
    email = (await form_field(request, "email"))[:254]
    password = await form_field(request, "password")
    try:
        account = stores.accounts.authenticate(email, password, now)
    except SignInRefused as refused:
        known = refused.account
        stores.audit.record(
            "sign_in_failed", now, known.id if known else None, known.email if known else None
        )
        if known and refused.locked_now:
            stores.audit.by(known, "account_locked", now)
        return _sign_in_page(request, email, SIGN_IN_ERROR, status_code=400)
    # A sign-in replaces whatever session this browser had.
    stores.sessions.end(request.cookies.get(SESSION_COOKIE, ""))
    token, _ = stores.sessions.start(account.id, now)
    stores.audit.by(account, "signed_in", now)
    response = RedirectResponse("/pro", status_code=303)
    set_cookie(
        response, SESSION_COOKIE, token, max_age=int(stores.sessions.absolute.total_seconds())
    )
    clear_cookie(response, SIGN_IN_CSRF_COOKIE)
    return response


@router.post("/sign-out")
async def sign_out(
    professional: Professional = Depends(checked),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
) -> Response:
    stores.sessions.end(professional.token)
    stores.audit.by(professional.account, "signed_out", now)
    response = RedirectResponse("/pro/sign-in", status_code=303)
    clear_cookie(response, SESSION_COOKIE)
    return response


def _home(
    request: Request,
    professional: Professional,
    handoffs: HandoffStore,
    now: dt.datetime,
    error: str = "",
    status_code: int = 200,
) -> Response:
    stores: ProfessionalStores = request.app.state.pro
    started = stores.screenings.handoffs_of(professional.account.id)
    ids = dict.fromkeys([*reversed(professional.session.opened), *started])
    opened = [handoffs.get(handoff_id, now) for handoff_id in ids]
    return render(
        request,
        "home.html",
        {
            "error": error,
            "opened": [handoff for handoff in opened if handoff is not None],
            "services": {profile.id: profile.name for profile in all_profiles().values()},
        },
        professional,
        status_code,
    )


@router.get("")
async def home(
    request: Request,
    professional: Professional = Depends(signed_in),
    now: dt.datetime = Depends(get_now),
    handoffs: HandoffStore = Depends(get_handoffs),
) -> Response:
    return _home(request, professional, handoffs, now)


@router.post("/open")
async def open_draft(
    request: Request,
    professional: Professional = Depends(checked),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
    handoffs: HandoffStore = Depends(get_handoffs),
) -> Response:
    account = professional.account
    address = request.client.host if request.client else "unknown"
    keys = [limit_key("account", str(account.id)), limit_key("ip", address)]
    if not stores.lookups.allow(keys, now):
        minutes = int(stores.lookups.window.total_seconds() // 60)
        error = f"You have tried too many codes. Wait {minutes} minutes and try again."
        return _home(request, professional, handoffs, now, error, status_code=429)
    code = (await form_field(request, "code"))[:MAX_CODE_CHARS]
    handoff = handoffs.find(code, now)
    if handoff is None or not account.may_see(handoff.service):
        stores.audit.by(account, "open_failed", now)
        return _home(request, professional, handoffs, now, CODE_ERROR, status_code=400)
    stores.sessions.add_opened(professional.session, handoff.id)
    stores.audit.by(account, "opened", now, handoff.id)
    return RedirectResponse(f"/pro/drafts/{handoff.id}", status_code=303)


router.include_router(professional_drafts.router)
router.include_router(professional_screenings.router)
