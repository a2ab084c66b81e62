"""How to reach a service, as short labelled lines ("Phone: ..."), so names are never inflected."""

from __future__ import annotations

from bot.i18n import Translator
from bot.profile_schema import ServiceProfile


def contact_lines(profile: ServiceProfile, t: Translator) -> list[str]:
    """One message with every way the page gives to reach the service."""
    contact = profile.contact
    lines = [t._(contact.team)]
    if contact.phone:
        phone = t._("Phone: {phone}", phone=contact.phone)
        if contact.phone_note:
            phone += f" ({t._(contact.phone_note)})"
        lines.append(phone)
    if contact.email:
        lines.append(t._("Email: {email}", email=contact.email))
    if contact.enquiry_form:
        lines.append(t._("Online form: {form}", form=contact.enquiry_form))
    if contact.website:
        lines.append(t._("Website: {url}", url=contact.website))
    lines.extend(t._(route) for route in contact.other_routes)
    return ["\n".join(lines)]
