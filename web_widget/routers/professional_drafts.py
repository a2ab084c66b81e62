"""A draft referral in the professional view: read the family's part, complete the
professional's part, export it as PDF or FHIR, and mark it as sent. Every step is audited."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import RedirectResponse, Response

from bot.accounts.stores import ProfessionalStores
from bot.handoff.store import Handoff, HandoffStore
from web_widget.dependencies import get_handoffs
from web_widget.pro_pages import ProfessionalRoute, render
from web_widget.pro_session import Professional, checked, get_now, get_pro, signed_in
from web_widget.referral_documents import (
    DraftView,
    family_summary,
    fhir_bundle,
    load_draft,
    render_referral_pdf,
)
from web_widget.referral_form import ProfessionalAnswers, read_answers, shown

router = APIRouter(prefix="/drafts", route_class=ProfessionalRoute)

HandoffId = Path(..., regex=r"^[A-Za-z0-9_-]{16,43}$", description="The handoff's public id")
NOT_COMPLETE = "Complete every required field before you mark the referral as sent."


def visible_handoff(
    handoff_id: str = HandoffId,
    professional: Professional = Depends(signed_in),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
    handoffs: HandoffStore = Depends(get_handoffs),
) -> Handoff:
    """The handoff, if this professional opened it in this session (or started its screening)
    and may see its service's drafts; 404 otherwise, so nothing tells which ids exist."""
    handoff = handoffs.get(handoff_id, now)
    account = professional.account
    if handoff is None or not account.may_see(handoff.service):
        raise HTTPException(status_code=404)
    if handoff.id not in professional.session.opened and not stores.screenings.started_by(
        account.id, handoff.id
    ):
        raise HTTPException(status_code=404)
    return handoff


def _page(
    request: Request,
    professional: Professional,
    view: DraftView,
    now: dt.datetime,
    answers: ProfessionalAnswers | None = None,
    problems: list[tuple[str, str]] | None = None,
    status_code: int = 200,
) -> Response:
    typed = (
        answers.typed
        if answers is not None
        else {
            row.question.link_id: shown(row.question, row.value)
            for _, rows in view.groups
            for row in rows
        }
    )
    errors = answers.errors if answers is not None else {}
    problems = problems or []
    texts = {q.link_id: q.text for q in view.draft.questions}
    problems += [(f"#field-{link_id}", errors[link_id]) for link_id in texts if link_id in errors]
    return render(
        request,
        "draft.html",
        {
            "view": view,
            "copies": family_summary(view.handoff, now.date()),
            "typed": typed,
            "errors": errors,
            "problems": problems,
            "saved": request.query_params.get("saved") == "1",
            "missing": view.draft.missing(),
        },
        professional,
        status_code,
    )


@router.get("/{handoff_id}")
async def draft_page(
    request: Request,
    handoff: Handoff = Depends(visible_handoff),
    professional: Professional = Depends(signed_in),
    now: dt.datetime = Depends(get_now),
) -> Response:
    return _page(request, professional, load_draft(handoff), now)


@router.post("/{handoff_id}")
async def save_draft(
    request: Request,
    handoff: Handoff = Depends(visible_handoff),
    professional: Professional = Depends(checked),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
    handoffs: HandoffStore = Depends(get_handoffs),
) -> Response:
    view = load_draft(handoff)
    answers = read_answers(view.draft.questions, await request.form(), now.date())
    if answers.errors:
        return _page(request, professional, view, now, answers, status_code=400)
    saved = load_draft(dataclasses.replace(handoff, completion=answers.values))
    complete = not saved.draft.missing()
    status = "sent" if handoff.status == "sent" else ("completed" if complete else "new")
    handoffs.save_completion(handoff.id, answers.values, status)
    stores.audit.by(professional.account, "completed" if complete else "saved", now, handoff.id)
    return RedirectResponse(f"/pro/drafts/{handoff.id}?saved=1", status_code=303)


@router.get("/{handoff_id}/referral.pdf")
async def referral_pdf(
    request: Request,
    handoff: Handoff = Depends(visible_handoff),
    professional: Professional = Depends(signed_in),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
) -> Response:
    pdf = render_referral_pdf(request.app.state.templates.env, load_draft(handoff), now)
    stores.audit.by(professional.account, "exported_pdf", now, handoff.id)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="portage-referral.pdf"'},
    )


@router.get("/{handoff_id}/fhir")
async def referral_fhir(
    handoff: Handoff = Depends(visible_handoff),
    professional: Professional = Depends(signed_in),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
) -> Response:
    bundle = fhir_bundle(load_draft(handoff), now)
    stores.audit.by(professional.account, "exported_fhir", now, handoff.id)
    return Response(
        json.dumps(bundle, ensure_ascii=False, indent=2),
        media_type="application/fhir+json",
        headers={"Content-Disposition": 'attachment; filename="portage-referral.fhir.json"'},
    )


@router.post("/{handoff_id}/sent")
async def mark_sent(
    request: Request,
    handoff: Handoff = Depends(visible_handoff),
    professional: Professional = Depends(checked),
    now: dt.datetime = Depends(get_now),
    stores: ProfessionalStores = Depends(get_pro),
    handoffs: HandoffStore = Depends(get_handoffs),
) -> Response:
    view = load_draft(handoff)
    if view.draft.missing():
        problems = [("#referral", NOT_COMPLETE)]
        return _page(request, professional, view, now, problems=problems, status_code=400)
    handoffs.mark_sent(handoff.id, now)
    stores.audit.by(professional.account, "marked_sent", now, handoff.id)
    return RedirectResponse(f"/pro/drafts/{handoff.id}", status_code=303)
