"""Security headers on every response, and a cap on request body size."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'; "
    "object-src 'none'"
)
_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def security_headers(frame_ancestors: tuple[str, ...] = ()) -> list[tuple[bytes, bytes]]:
    """The headers every response carries; pages may be framed by the widget's allowed origins."""
    policy = CONTENT_SECURITY_POLICY
    if frame_ancestors:
        policy = policy.replace(
            "frame-ancestors 'self'", "frame-ancestors 'self' " + " ".join(frame_ancestors)
        )
    return [(b"content-security-policy", policy.encode()), *_HEADERS[1:]]


class SecurityHeaders:
    """The professional view is never framed by another site, even an allowed council page: a
    signed-in health visitor's clicks must not be borrowed (clickjacking)."""

    def __init__(self, app: ASGIApp, frame_ancestors: tuple[str, ...] = ()) -> None:
        self.app = app
        self.headers = security_headers(frame_ancestors)
        self.strict_headers = security_headers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                strict = str(scope.get("path", "")).startswith("/pro")
                extra = self.strict_headers if strict else self.headers
                message["headers"] = list(message["headers"]) + extra
            await send(message)

        await self.app(scope, receive, with_headers)


class BodySizeLimit:
    """Answers 413 to a request body over the limit, declared or streamed. Paths under a prefix
    in `larger` (e.g. a referral form with several long answers) get that prefix's limit."""

    def __init__(self, app: ASGIApp, max_bytes: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.larger = larger or {}

    def _limit(self, path: str) -> int:
        for prefix, limit in self.larger.items():
            if path.startswith(prefix):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self._limit(scope.get("path", ""))
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
            await _too_large(send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    raise _BodyTooLargeError
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _BodyTooLargeError:
            await _too_large(send)


class _BodyTooLargeError(Exception):
    pass


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), *_HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})
