"""Talks to the Rasa server's REST channel and HTTP API, and to the action server's health check."""

from __future__ import annotations

from typing import Any

import httpx


class AssistantUnavailable(RuntimeError):
    """Rasa did not answer: the widget shows the service's contact details instead."""


class RasaClient:
    def __init__(
        self, http: httpx.AsyncClient, rasa_url: str, token: str, action_server_url: str
    ) -> None:
        self._http = http
        self._rasa_url = rasa_url.rstrip("/")
        self._token = token
        self._action_server_url = action_server_url.rstrip("/")

    async def send(self, sender: str, message: str, metadata: dict[str, Any]) -> list[dict]:
        try:
            response = await self._http.post(
                f"{self._rasa_url}/webhooks/rest/webhook",
                json={"sender": sender, "message": message, "metadata": metadata},
            )
            response.raise_for_status()
        except httpx.HTTPError as error:
            # The message text is never logged or put in the exception.
            raise AssistantUnavailable(type(error).__name__) from None
        payload = response.json()
        return payload if isinstance(payload, list) else []

    async def slots(self, sender: str) -> dict[str, Any]:
        """The conversation's slots, read through Rasa's HTTP API (token protected)."""
        try:
            response = await self._http.get(
                f"{self._rasa_url}/conversations/{sender}/tracker",
                params={"token": self._token, "include_events": "NONE"},
            )
            response.raise_for_status()
            slots = response.json().get("slots")
        except (httpx.HTTPError, ValueError) as error:
            raise AssistantUnavailable(type(error).__name__) from None
        return slots if isinstance(slots, dict) else {}

    async def rasa_status(self) -> dict[str, Any]:
        try:
            response = await self._http.get(
                f"{self._rasa_url}/status", params={"token": self._token}, timeout=5
            )
            response.raise_for_status()
            model = response.json().get("model_id")
            return {"ok": bool(model), "model_id": model}
        except (httpx.HTTPError, ValueError) as error:
            return {"ok": False, "error": type(error).__name__}

    async def action_server_status(self) -> dict[str, Any]:
        try:
            response = await self._http.get(f"{self._action_server_url}/health", timeout=5)
            response.raise_for_status()
            return {"ok": response.json().get("status") == "ok"}
        except (httpx.HTTPError, ValueError) as error:
            return {"ok": False, "error": type(error).__name__}
