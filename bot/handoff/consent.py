"""Asking a family, in their language, whether their answers may be kept for a professional.

The wording says what is kept, who sees it and for how long, before anything is stored; the exact
wording the family agreed to is kept with the handoff, in their language and in English.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.contact import contact_lines
from bot.i18n import Translator
from bot.languages import SOURCE_LANGUAGE
from bot.payloads import intent_payload
from bot.profile_schema import ServiceProfile
from bot.replies import Button, Reply

CONSENT_VERSION = 1
SHARE_INTENT = "share_with_professional"


def consent_wording(profile: ServiceProfile, t: Translator, days: int) -> list[str]:
    """What the family agrees to: what is kept, who sees it, for how long, and how to undo it."""
    return [
        t._(
            "If you agree, I will keep your answers and give you a code for your health visitor "
            "or another professional. With the code they can read your answers and prepare a "
            "referral to the Portage service."
        ),
        t._(
            "What is kept: your answers to the questions, the language you chose and today's "
            "date. Not your name or address, and not the other messages you wrote."
        ),
        # TRANSLATORS: {service} is the service's name, shown as written.
        t._(
            "Who can see it: only health visitors and {service} staff who sign in and have your "
            "code.",
            service=profile.name,
        ),
        t.ngettext(
            "How long: {days} day. Then it is deleted automatically. You can delete it sooner by "
            'writing "delete my data".',
            "How long: {days} days. Then it is deleted automatically. You can delete it sooner by "
            'writing "delete my data".',
            days,
            days=days,
        ),
    ]


def offer(profile: ServiceProfile, t: Translator, days: int, has_answers: bool) -> Reply:
    if not has_answers:
        return Reply(
            messages=[
                t._(
                    "First I need your answers to a few questions about your child. Then I can "
                    "give you a code for your health visitor."
                )
            ],
            buttons=[
                Button(t._("Might Portage suit my child?"), intent_payload("start_screening"))
            ],
        )
    return Reply(
        messages=[*consent_wording(profile, t, days), t._("Do you agree?")],
        buttons=[
            Button(t._("Yes, I agree"), intent_payload("affirm")),
            Button(t._("No, thank you"), intent_payload("deny")),
        ],
    )


def consent_record(
    profile: ServiceProfile, language: str, days: int, now: dt.datetime
) -> dict[str, Any]:
    """Kept with the handoff: when, in which language, and the words the family agreed to."""
    return {
        "given_at": now.isoformat(),
        "language": language,
        "version": CONSENT_VERSION,
        "days": days,
        "wording": " ".join(consent_wording(profile, Translator(language), days)),
        "wording_en": " ".join(consent_wording(profile, Translator(SOURCE_LANGUAGE), days)),
    }


def issued(code: str, expires: dt.datetime, t: Translator, replaced_earlier: bool = False) -> Reply:
    """The code, said so it can be read out or copied; the web app adds the QR code."""
    messages = [
        # TRANSLATORS: {code} looks like 7KQ2M-XW4PD; {date} is a date, e.g. "8 December 2026".
        t._(
            "Thank you. Your code is {code}. Give it to your health visitor, or show them the QR "
            "code. It works until {date}.",
            code=code,
            date=t.date(expires.date()),
        ),
        t._('Your answers are kept until then. To delete them sooner, write "delete my data".'),
    ]
    if replaced_earlier:
        messages.append(t._("This code replaces the one I gave you before, which no longer works."))
    return Reply(
        messages=messages,
        buttons=[Button(t._("Delete my data"), intent_payload("delete_my_data"))],
        control={"handoff": {"code": code, "expires": expires.date().isoformat()}},
    )


def declined(t: Translator) -> Reply:
    return Reply(
        messages=[
            t._(
                "That's fine: nothing has been kept for a professional. You can still open and "
                "download your summary and show it to your health visitor yourself."
            )
        ],
        buttons=[Button(t._("Delete my data"), intent_payload("delete_my_data"))],
    )


def unavailable(t: Translator) -> Reply:
    """The store cannot be reached: say so rather than pretend a code was made."""
    return Reply(
        messages=[
            t._(
                "Sorry, I cannot make a code just now. Your summary is still here to download "
                "and show to your health visitor."
            )
        ]
    )


def unavailable_to_delete(profile: ServiceProfile, t: Translator) -> Reply:
    """Deleting failed: say so, and keep the conversation so the family can try again."""
    return Reply(
        messages=[
            t._(
                "Sorry, I could not delete your data just now. Please try again in a few "
                "minutes. If it still does not work, contact the service:"
            ),
            *contact_lines(profile, t),
        ],
        buttons=[Button(t._("Delete my data"), intent_payload("delete_my_data"))],
    )
