"""GET /healthz: whether the web app, Rasa (with a loaded model) and the action server answer."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from web_widget.dependencies import get_rasa
from web_widget.rasa_client import RasaClient

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz(rasa: RasaClient = Depends(get_rasa)) -> JSONResponse:
    rasa_status, action_status = await asyncio.gather(
        rasa.rasa_status(), rasa.action_server_status()
    )
    healthy = rasa_status["ok"] and action_status["ok"]
    return JSONResponse(
        status_code=200 if healthy else 503,
        content={
            "status": "ok" if healthy else "degraded",
            "web": {"ok": True},
            "rasa": rasa_status,
            "action_server": action_status,
        },
    )
