"""Sign-in state of the professional view: session cookie, CSRF checks, clock and page headers.

The session cookie is Secure, HttpOnly and SameSite=Strict, scoped to /pro. Every state-changing
form carries the session's CSRF token; the sign-in form, before there is a session, carries a
token that must match a cookie of its own (double submit).
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute

from bot.accounts.accounts import Account
from bot.accounts.sessions import Session
from bot.accounts.stores import ProfessionalStores

SESSION_COOKIE = "portage_pro"
SIGN_IN_CSRF_COOKIE = "portage_pro_csrf"
COOKIE_PATH = "/pro"
CSRF_FIELD = "csrf_token"


class SignInNeeded(Exception):
    """No live session: the professional is sent to the sign-in page."""


@dataclass(frozen=True)
class Professional:
    account: Account
    session: Session
    token: str


def get_now() -> dt.datetime:
    """The time every professional-view decision uses; tests override this dependency."""
    return dt.datetime.now(dt.timezone.utc)


def get_pro(request: Request) -> ProfessionalStores:
    return request.app.state.pro


def signed_in(
    request: Request,
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
) -> Professional:
    token = request.cookies.get(SESSION_COOKIE, "")
    session = stores.sessions.get(token, now)
    account = stores.accounts.get(session.account_id) if session else None
    if session is None or account is None:
        raise SignInNeeded
    return Professional(account, session, token)


async def form_field(request: Request, name: str) -> str:
    value = (await request.form()).get(name)
    return value if isinstance(value, str) else ""


async def checked(
    request: Request, professional: Professional = Depends(signed_in)
) -> Professional:
    """A signed-in professional whose form carries their session's CSRF token; 403 otherwise."""
    sent = await form_field(request, CSRF_FIELD)
    if not sent or not hmac.compare_digest(sent, professional.session.csrf_token):
        raise HTTPException(status_code=403, detail="csrf")
    return professional


async def checked_sign_in_form(request: Request) -> None:
    """The sign-in form's token must match its cookie (there is no session to hold one yet)."""
    cookie = request.cookies.get(SIGN_IN_CSRF_COOKIE, "")
    sent = await form_field(request, CSRF_FIELD)
    if not cookie or not sent or not hmac.compare_digest(sent, cookie):
        raise HTTPException(status_code=403, detail="csrf")


def new_sign_in_token() -> str:
    return secrets.token_urlsafe(32)


def set_cookie(response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="strict",
    )


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path=COOKIE_PATH, secure=True, httponly=True, samesite="strict")


ErrorPage = Callable[[Request, int, str], Response]


def professional_route(error_page: ErrorPage) -> type[APIRoute]:
    """A route class for /pro: no page is cached, a missing session leads to the sign-in page,
    and errors are plain pages rather than JSON."""

    class ProfessionalRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def handle(request: Request) -> Response:
                try:
                    response = await handler(request)
                except SignInNeeded:
                    response = RedirectResponse("/pro/sign-in", status_code=303)
                except HTTPException as error:
                    response = error_page(request, error.status_code, str(error.detail))
                except RequestValidationError:
                    response = error_page(request, 404, "not found")
                response.headers["Cache-Control"] = "no-store"
                return response

            return handle

    return ProfessionalRoute
