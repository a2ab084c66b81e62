"""Handoff codes: what a family gives their health visitor to open their summary and draft referral.

Short enough to read out over the phone, hard to guess (10 characters from 29 give 48 bits), with
no characters that look alike, and stored only as a keyed hash so a copy of the database reveals
none.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Digits and capitals without the ones people confuse: 0 and O, 1, I and L, U and V.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
LENGTH = 10


class InvalidCode(ValueError):
    """Not something we could ever have issued (wrong length or characters)."""


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise(typed: str) -> str:
    """The code as issued, from what a person typed: any case, spaces or dashes."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        raise InvalidCode("a handoff code has 10 letters and digits, e.g. 7KQ2M-XW4PD")
    return f"{cleaned[:5]}-{cleaned[5:]}"


def code_hash(code: str, secret: bytes) -> str:
    return hmac.new(secret, normalise(code).encode("ascii"), hashlib.sha256).hexdigest()
