"""What the assistant says during the screening: questions with progress, the review, the result."""

from __future__ import annotations

from typing import Any

from bot.i18n import N_, Translator
from bot.next_steps import TALK_TO_SOMEONE, next_step_button
from bot.payloads import faq_payload, intent_payload
from bot.profile_schema import ServiceProfile
from bot.replies import Button, Reply
from bot.screening.questions import (
    AREA_NAMES,
    AREA_WORDS,
    BY_SLOT,
    NO_CONDITION,
    NOT_SURE,
    PREFER_NOT_TO_SAY,
    Question,
    answers_from_slots,
)
from bot.screening.result import headline, screen

STOP_BUTTON = N_("Stop for now")


def answer_payload(value: str) -> str:
    return intent_payload("inform", answer=value)


def ask(question: Question, position: int, total: int, t: Translator) -> Reply:
    """A question with its progress; the first one says what the check is and asks permission."""
    messages = []
    if question.kind == "consent":
        messages += [
            t._(
                "I can ask you a few questions about your child. It takes about two minutes. "
                "Please do not give any names."
            ),
            t._(
                "Your answers can suggest whether your child might meet this service's "
                "criteria. It is not a decision: only the service can decide. You can say "
                '"not sure" to any question, and stop at any time.'
            ),
            t._(question.text),
        ]
    else:
        # TRANSLATORS: progress through the screening, e.g. "Question 4 of 9".
        progress = t._("Question {number} of {total}", number=position, total=total)
        if question.kind == "delay":
            area = question.slot.removeprefix("delay_")
            messages.append(f"{progress}. {t._(AREA_WORDS[area]).capitalize()}")
        else:
            messages.append(progress)
        messages.append(t._(question.text))
    buttons = [Button(t._(title), answer_payload(value)) for title, value in question.buttons]
    if question.kind != "consent":
        buttons.append(Button(t._(STOP_BUTTON), intent_payload("stop")))
    return Reply(messages=messages, buttons=buttons)


def not_understood(question: Question, t: Translator) -> str:
    sorry = t._("Sorry, I did not understand that.")
    return f"{sorry} {t._(question.hint)}"


def describe(question: Question, value: Any, t: Translator) -> str:
    """An answer in words, for the review and the acknowledgement of an age."""
    if value == NOT_SURE:
        return t._("Not sure")
    if value == PREFER_NOT_TO_SAY:
        return t._("Prefer not to say")
    if question.kind == "age":
        return age_in_words(float(value), t)
    if question.kind == "premature":
        if not value:
            return t._("No")
        weeks = round(float(value))
        return t.ngettext("{count} week early", "{count} weeks early", weeks)
    if question.kind == "delay":
        months = round(float(value))
        if months == 0:
            return t._("No concerns")
        return t.ngettext("About {count} month behind", "About {count} months behind", months)
    if question.kind == "diagnosis":
        if value == NO_CONDITION:
            return t._("No")
        return t._("Yes") if value == "yes" else str(value)
    if question.kind == "asq_areas":
        if value == "none":
            return t._("None")
        return t.join([t._(AREA_NAMES[area]) for area in value])
    if question.kind == "sensory":
        names = {
            "none": N_("No"),
            "hearing": N_("Hearing"),
            "sight": N_("Sight"),
            "both": N_("Both"),
        }
        return t._(names[value])
    return t._("Yes") if value == "yes" else t._("No")


def age_in_words(months: float, t: Translator) -> str:
    whole = round(months)
    years, rest = divmod(whole, 12)
    if years == 0:
        return t.ngettext("{count} month", "{count} months", rest)
    year_text = t.ngettext("{count} year", "{count} years", years)
    if rest == 0:
        return year_text
    # TRANSLATORS: an age such as "2 years and 3 months".
    return t._(
        "{years} and {months}",
        years=year_text,
        months=t.ngettext("{count} month", "{count} months", rest),
    )


def age_needed(t: Translator) -> str:
    return t._(
        "The service's criteria depend on your child's age, so I need it to go on. A rough age "
        "is fine, for example: about 2 years."
    )


def acknowledge_age(months: float, t: Translator) -> str:
    return t._("Thank you. I have noted: {age}.", age=age_in_words(months, t))


def review(slots: dict[str, Any], asked: list[str], t: Translator) -> Reply:
    """The answers for checking, each with a button to change it, then "show the result"."""
    lines = []
    buttons = [Button(t._("Yes, show the result"), intent_payload("show_screening_result"))]
    for slot in asked:
        question = BY_SLOT[slot]
        value = slots.get(slot)
        if question.kind == "consent" or value is None:
            continue
        lines.append(f"• {t._(question.label)}: {describe(question, value, t)}")
        # TRANSLATORS: a button to change one answer, e.g. "Change: Age".
        buttons.append(
            Button(
                t._("Change: {label}", label=t._(question.label)),
                intent_payload("change_answer", question=slot),
            )
        )
    return Reply(
        messages=[
            t._("Here are your answers:") + "\n" + "\n".join(lines),
            t._("Are these right?"),
        ],
        buttons=buttons,
    )


def result(service: str, slots: dict[str, Any], profile: ServiceProfile, t: Translator) -> Reply:
    answers = answers_from_slots(service, slots)
    if answers is None:
        return Reply(
            messages=[t._("I need your child's age first.")],
            buttons=[Button(t._("Carry on with the check"), intent_payload("start_screening"))],
        )
    outcome = screen(answers, profile, t)
    messages = [
        headline(outcome.outcome, t),
        t._("Why:") + "\n" + "\n".join(f"• {reason}" for reason in outcome.reasons),
        t._("What you can do next:"),
        *outcome.next_steps,
        outcome.decision_note,
    ]
    if outcome.outcome == "unlikely":
        buttons = [next_step_button(TALK_TO_SOMEONE, t)]
    else:
        buttons = [Button(t._("How do I get Portage?"), faq_payload("how_to_refer"))]
    buttons += [
        Button(t._("Share with my health visitor"), intent_payload("share_with_professional")),
        Button(t._("Change an answer"), intent_payload("change_answer")),
        Button(t._("Start again"), intent_payload("restart_screening")),
    ]
    messages.append(
        t._(
            "You can keep a summary of your answers, in your language and in English, to show "
            "your health visitor: open it, print it or download it as a PDF."
        )
    )
    # The web app turns this into links to the summary page, its PDF and its plain text.
    return Reply(messages=messages, buttons=buttons, control={"summary": True})


def declined(t: Translator) -> Reply:
    return Reply(
        messages=[t._("That's fine. If you would like to do the check later, just ask.")],
        buttons=[
            Button(t._("What is Portage?"), faq_payload("what_is_portage")),
            Button(t._("Might Portage suit my child?"), intent_payload("start_screening")),
        ],
    )


def paused(has_answers: bool, t: Translator) -> Reply:
    messages = [t._("OK, I have stopped the questions.")]
    if has_answers:
        messages.append(
            t._("Your answers so far are kept in this conversation, so you can carry on later.")
        )
    return Reply(
        messages=messages,
        buttons=[
            Button(t._("Carry on with the check"), intent_payload("start_screening")),
            Button(t._("Start again"), intent_payload("restart_screening")),
            Button(t._("What is Portage?"), faq_payload("what_is_portage")),
        ],
    )


def resumed(t: Translator) -> str:
    return t._("Let's carry on where we stopped.")


def which_answer(t: Translator) -> str:
    return t._("Which answer would you like to change?")
