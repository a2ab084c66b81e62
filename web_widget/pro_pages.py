"""Renders the professional view's pages (English, GOV.UK-style wording) and its error pages."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from web_widget.pro_session import Professional, professional_route

ERRORS = {
    403: (
        "Your request could not be checked",
        "The form had expired or did not come from this site. Go back, reload the page and "
        "try again.",
    ),
    404: ("Page not found", "There is nothing at this address, or you cannot see it."),
    429: (
        "Too many attempts",
        "You have tried to open too many drafts in a short time. Wait 15 minutes and try again.",
    ),
    503: (
        "The assistant is not available",
        "The family's answers cannot be read just now. Try again in a few minutes.",
    ),
}


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    professional: Professional | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    html = request.app.state.templates.env.get_template(f"professional/{template}").render(
        professional=professional,
        csrf_token=professional.session.csrf_token if professional else "",
        **context,
    )
    return HTMLResponse(html, status_code=status_code)


def error_page(request: Request, status_code: int, detail: str = "") -> HTMLResponse:
    title, message = ERRORS.get(status_code, ("Something went wrong", "Try again later."))
    if status_code == 404 and detail.startswith("no screening answers"):
        message = (
            "This conversation has no screening answers yet. When the family has answered the "
            "questions about their child, try again."
        )
    return render(request, "error.html", {"title": title, "message": message}, None, status_code)


ProfessionalRoute = professional_route(error_page)
