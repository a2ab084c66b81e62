"""Conversational replies: greeting, menu, fallback, handoff, emergencies, language."""

from __future__ import annotations

from bot.contact import contact_lines
from bot.i18n import N_, Translator
from bot.languages import Language, known_languages, supported_languages
from bot.next_steps import CHECK_ELIGIBILITY, TALK_TO_SOMEONE, next_step_button
from bot.payloads import faq_payload, language_payload
from bot.profile_schema import ServiceProfile
from bot.replies import Button, Reply

# TRANSLATORS: button labels; short questions a parent would ask.
MENU_TOPICS = {
    "what_is_portage": N_("What is Portage?"),
    "who_is_it_for": N_("Who is it for?"),
    "where_sessions_happen": N_("Where do sessions happen?"),
    "how_to_refer": N_("How do I get Portage?"),
}

NSPCC_HELPLINE = "0808 800 5000"


def menu_buttons(t: Translator) -> list[Button]:
    topics = [Button(t._(title), faq_payload(topic)) for topic, title in MENU_TOPICS.items()]
    return [
        *topics,
        next_step_button(CHECK_ELIGIBILITY, t),
        next_step_button(TALK_TO_SOMEONE, t),
    ]


def greet(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[
            # TRANSLATORS: {service} is the service's name, shown as written.
            t._("Hello! I am an automated assistant for {service}.", service=profile.name),
            t._(
                "I can tell you about Portage, a home-visiting education service for young "
                "children with additional needs, and help you see whether it might suit your "
                "child. Please do not type names or other personal details."
            ),
            t._("What would you like to know?"),
        ],
        buttons=menu_buttons(t),
    )


def goodbye(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[
            t._("Thank you for chatting. Take care."),
            t._("If you think of another question, I am here at any time."),
        ]
    )


def thank(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[t._("You're welcome. Is there anything else you would like to know?")],
        buttons=menu_buttons(t),
    )


def offer_menu(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[t._("What would you like to know about Portage?")], buttons=menu_buttons(t)
    )


def stopped(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[t._("OK, I have stopped. What would you like to do now?")],
        buttons=menu_buttons(t),
    )


def bot_challenge(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[
            t._("I am an automated assistant, a computer program. I am not a person."),
            t._(
                "I can only share what {service} publishes about Portage. To talk to a person:",
                service=profile.name,
            ),
            *contact_lines(profile, t),
        ],
        buttons=menu_buttons(t),
    )


def human_handoff(profile: ServiceProfile, t: Translator) -> Reply:
    messages = [t._("To talk to a person at the service:"), *contact_lines(profile, t)]
    if profile.contact.address:
        messages.append(t._("Address: {address}", address=", ".join(profile.contact.address)))
    return Reply(messages=messages, buttons=menu_buttons(t))


def out_of_scope(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[
            t._("Sorry, I can only help with questions about Portage."),
            t._(
                "I cannot give medical advice. For a worry about your child's health, talk to "
                "your GP or health visitor, or call NHS 111."
            ),
            t._("You can choose a topic below, or contact the service:"),
            *contact_lines(profile, t),
        ],
        buttons=menu_buttons(t),
    )


def fallback(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(
        messages=[
            t._("Sorry, I am not sure I understood. Could you say it another way?"),
            t._("You can also choose a topic below, or contact the service:"),
            *contact_lines(profile, t),
        ],
        buttons=menu_buttons(t),
    )


def urgent_concern(profile: ServiceProfile, t: Translator) -> Reply:
    """Emergency guidance first, whatever else is happening in the conversation."""
    messages = [
        t._("If a child is in danger now, or is seriously ill or injured, call 999 now."),
        t._("If you need medical help soon but it is not an emergency, call NHS 111."),
        t._(
            "If you are worried that a child is being harmed, contact your council's children's "
            "social care team."
        ),
    ]
    safeguarding = profile.safeguarding
    if safeguarding:
        lines = [t._(safeguarding.team), t._("Phone: {phone}", phone=safeguarding.phone)]
        if safeguarding.out_of_hours_phone:
            lines.append(t._("Out of hours: {phone}", phone=safeguarding.out_of_hours_phone))
        messages.append("\n".join(lines))
    messages += [
        t._("You can also call the NSPCC helpline on {phone}.", phone=NSPCC_HELPLINE),
        t._(
            "I am an automated assistant and cannot contact anyone for you, so please call them "
            "yourself."
        ),
    ]
    return Reply(messages=messages)


def language_buttons(t: Translator) -> list[Button]:
    languages = known_languages()
    return [
        Button(languages[code].native_name, language_payload(code))
        for code in supported_languages()
    ]


def language_changed(profile: ServiceProfile, t: Translator) -> Reply:
    """Confirms a switch; ``t`` is already the new language."""
    return Reply(
        # TRANSLATORS: name YOUR language here, e.g. Polish: "Dobrze, od teraz piszę po polsku."
        messages=[t._("OK, I will write in English from now on.")],
        buttons=menu_buttons(t),
    )


def language_unavailable(requested: Language, t: Translator) -> Reply:
    available = t.join([known_languages()[code].native_name for code in supported_languages()])
    return Reply(
        messages=[
            # TRANSLATORS: {language} is a language's own name, e.g. "اردو"; {available} a list.
            t._(
                "Sorry, I cannot write in that language yet ({language}). I can write in: "
                "{available}.",
                language=requested.native_name,
                available=available,
            )
        ],
        buttons=language_buttons(t),
    )


def ask_language(profile: ServiceProfile, t: Translator) -> Reply:
    return Reply(messages=[t._("Which language would you like?")], buttons=language_buttons(t))


def conversation_deleted(profile: ServiceProfile, t: Translator) -> Reply:
    """Said as the web app deletes the conversation: the control tells it to."""
    return Reply(
        messages=[
            t._("I have deleted this conversation. Nothing you typed here is kept."),
            t._("You can start again at any time."),
        ],
        buttons=menu_buttons(t),
        control={"delete_conversation": True},
    )
