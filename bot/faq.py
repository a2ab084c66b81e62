"""Answers to the 24 FAQ topics, built for one service from its profile and in one language.

Every answer is true for the service it is built for: facts come from the profile, and where the
page says nothing the answer says so and gives the way to reach the service. Every answer ends with
one next step as a button.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.contact import contact_lines
from bot.i18n import N_, Translator
from bot.next_steps import NEXT_STEP_AFTER, next_step_button
from bot.profile_schema import Place, Referrer, ServiceProfile, TopicFacts
from bot.replies import Reply
from bot.topics import FAQ_TOPICS

# TRANSLATORS: what a page leaves out, said plainly; the service's contact details follow.
NOT_ON_PAGE = {
    "what_is_portage": N_("The service's page does not describe its Portage programme in detail."),
    "who_is_it_for": N_("The service's page does not say which children Portage is for."),
    "diagnosis_needed": N_("The service's page does not say whether a diagnosis is needed."),
    "where_sessions_happen": N_("The service's page does not say where Portage sessions happen."),
    "attending_setting": N_(
        "The service's page does not say whether a child who goes to nursery or a childminder "
        "can also have Portage."
    ),
    "setting_visits": N_(
        "The service's page does not say whether the Portage worker can visit your child's "
        "nursery or childminder."
    ),
    "parent_involvement": N_(
        "The service's page does not say how much time parents are asked to give."
    ),
    "programme_length": N_(
        "The service's page does not say how long Portage lasts or how often visits happen."
    ),
    "joint_working": N_(
        "The service's page does not say how Portage works with other professionals."
    ),
    "how_to_refer": N_("The service's page does not say how to ask for Portage."),
    "after_referral": N_("The service's page does not say what happens after a referral."),
    "waiting_list": N_("The service's page does not say whether there is a waiting list."),
    "cost": N_("The service's page does not say whether Portage costs anything."),
    "cancelling_sessions": N_(
        "The service's page does not say what happens if you need to cancel a session."
    ),
    "staff_training": N_("The service's page does not say what training its staff have."),
    "groups": N_("The service's page does not mention any groups."),
    "when_support_ends": N_("The service's page does not say when Portage support ends."),
    "interpreters_accessibility": N_(
        "The service's page does not say whether it offers interpreters or other support to "
        "make the service accessible."
    ),
    "areas_covered": N_("The service's page does not list the areas it covers."),
    "contact": N_("The service's page does not give contact details."),
    "complaints": N_("The service's page does not say how to make a complaint."),
    "teaching_approaches": N_("The service's page does not describe its teaching methods."),
    "ehcp": N_(
        "The service's page does not say whether Portage helps with an Education, Health and "
        "Care Plan (EHCP)."
    ),
    "child_safety": N_("The service's page does not describe its safeguarding checks."),
}

PLACE_PHRASES = {
    # TRANSLATORS: completes "Portage sessions happen ..." as a place.
    Place.home: N_("at your home"),
    Place.early_years_setting: N_("in your child's early years setting, such as a nursery"),
    Place.childrens_centre: N_("at a children's centre"),
    Place.school: N_("at your child's school"),
}

REFERRER_NAMES = {
    Referrer.parents: N_("parents and carers"),
    Referrer.health_professionals: N_("health professionals"),
    Referrer.early_years_settings: N_("early years settings, such as nurseries"),
    Referrer.teachers: N_("teachers"),
    Referrer.professionals: N_("professionals who work with your child"),
    Referrer.therapists: N_("therapists"),
    Referrer.health_visitors: N_("health visitors"),
}

Renderer = Callable[[ServiceProfile, Translator], list[str]]


def answer_topic(topic: str, profile: ServiceProfile, t: Translator) -> Reply:
    """The answer to one FAQ topic for this service, ending with one next step."""
    if topic not in FAQ_TOPICS:
        raise ValueError(f"unknown FAQ topic {topic!r}")
    renderer = _RENDERERS.get(topic, _from_page_facts(topic))
    messages = renderer(profile, t)
    return Reply(messages=messages, buttons=[next_step_button(NEXT_STEP_AFTER[topic], t)])


def _facts(facts: TopicFacts | None, t: Translator) -> list[str]:
    """A page's answer, then its points: a list under an answer ending in ':' shares its bubble."""
    if facts is None:
        return []
    points = [t._(point) for point in facts.points]
    bulleted = "\n".join(f"• {point}" for point in points) if len(points) > 1 else "".join(points)
    if facts.answer is None:
        return [bulleted]
    answer = t._(facts.answer)
    if bulleted and facts.answer.endswith(":"):
        return [f"{answer}\n{bulleted}"]
    return [answer, bulleted]


def _not_on_page(topic: str, profile: ServiceProfile, t: Translator) -> list[str]:
    can_tell = t._("The service can tell you:")
    return [f"{t._(NOT_ON_PAGE[topic])} {can_tell}", *contact_lines(profile, t)]


def _from_page_facts(topic: str) -> Renderer:
    def render(profile: ServiceProfile, t: Translator) -> list[str]:
        facts = profile.faq.get(topic)
        return _facts(facts, t) if facts else _not_on_page(topic, profile, t)

    return render


def _what_is_portage(profile: ServiceProfile, t: Translator) -> list[str]:
    return [t._(profile.summary), *_facts(profile.faq.get("what_is_portage"), t)]


def _who_is_it_for(profile: ServiceProfile, t: Translator) -> list[str]:
    eligibility = profile.eligibility
    criteria = [t._(line) for line in eligibility.criteria]
    messages = [
        t._(eligibility.age_description),
        t._("The criteria on the service's page are:")
        + "\n"
        + "\n".join(f"• {line}" for line in criteria),
    ]
    if eligibility.priorities:
        messages.append(priority_sentence(eligibility.priorities, t))
    messages.extend(_facts(profile.faq.get("who_is_it_for"), t))
    messages.append(t._("Only the service can decide whether Portage is right for your child."))
    return messages


PRIORITY_PHRASES = {
    "not_in_setting": N_("children who do not yet go to an early years setting"),
    "social_care": N_("children known to social care"),
    "looked_after": N_("children looked after by the local authority"),
}


def priority_sentence(priorities: list[str], t: Translator) -> str:
    groups = t.join([t._(PRIORITY_PHRASES[code]) for code in priorities])
    # TRANSLATORS: {groups} is a list such as "children known to social care".
    return t._(
        "Among children who meet the criteria, the service sees these first: {groups}.",
        groups=groups,
    )


DIAGNOSIS_ANSWERS = {
    "no": N_("No, your child does not need a diagnosis."),
    "not_in_criteria": N_(
        "The service's criteria are about how your child is developing. They do not ask for a "
        "diagnosis."
    ),
    "not_stated": N_("The service's page does not say whether a diagnosis is needed."),
}


def _diagnosis_needed(profile: ServiceProfile, t: Translator) -> list[str]:
    eligibility = profile.eligibility
    messages = [t._(DIAGNOSIS_ANSWERS[eligibility.diagnosis_required])]
    if eligibility.diagnosis_note:
        messages.append(t._(eligibility.diagnosis_note))
    messages.extend(_facts(profile.faq.get("diagnosis_needed"), t))
    if eligibility.diagnosis_required == "not_stated":
        return _not_on_page("diagnosis_needed", profile, t)
    return messages


def _where_sessions_happen(profile: ServiceProfile, t: Translator) -> list[str]:
    places = profile.sessions.places
    if not places:
        return _not_on_page("where_sessions_happen", profile, t)
    if len(places) == 1:
        # TRANSLATORS: {place} is a phrase such as "at your home".
        where = t._("Portage sessions happen {place} only.", place=t._(PLACE_PHRASES[places[0]]))
    else:
        options = t.join([t._(PLACE_PHRASES[place]) for place in places], style="or")
        # TRANSLATORS: {places} lists phrases such as "at your home or at a children's centre".
        where = t._("Portage sessions happen {places}.", places=options)
    messages = [where]
    if profile.sessions.not_in_setting_reason:
        messages.append(t._(profile.sessions.not_in_setting_reason))
    return messages + _facts(profile.faq.get("where_sessions_happen"), t)


def _how_to_refer(profile: ServiceProfile, t: Translator) -> list[str]:
    """Who may refer, then the route, then the evidence asked for, then how to reach the service."""
    referral = profile.referral
    who = []
    if referral.who_can_refer:
        names = t.join([t._(REFERRER_NAMES[person]) for person in referral.who_can_refer])
        # TRANSLATORS: {referrers} lists who may refer, e.g. "parents and carers, teachers".
        who.append(t._("Who can refer: {referrers}.", referrers=names))
    if referral.parents_can_refer is True:
        who.append(t._("You can refer your child yourself."))
    elif referral.parents_can_refer is False:
        who.append(t._("Parents cannot refer their child themselves."))
    route = [t._(text) for text in (referral.route, referral.parent_first_step) if text]
    evidence = [f"• {t._(line)}" for line in referral.evidence]
    messages = [
        " ".join(who),
        " ".join(route),
        "\n".join([t._("The referral needs supporting information:"), *evidence])
        if evidence
        else "",
        t._(referral.consent) if referral.consent else "",
    ]
    messages = [message for message in messages if message]
    if not messages:
        return _not_on_page("how_to_refer", profile, t)
    contact = profile.contact
    if contact.phone or contact.email or contact.website:
        messages += contact_lines(profile, t)
    return messages + _facts(profile.faq.get("how_to_refer"), t)


def _areas_covered(profile: ServiceProfile, t: Translator) -> list[str]:
    area = profile.area
    if not (area.description or area.districts):
        return _not_on_page("areas_covered", profile, t)
    districts = "\n".join(f"• {name}" for name in area.districts)
    intro = t._(area.description) if area.description else ""
    return ["\n".join(part for part in (intro, districts) if part)]


def _contact(profile: ServiceProfile, t: Translator) -> list[str]:
    messages = contact_lines(profile, t)
    if profile.contact.address:
        messages.append(t._("Address: {address}", address=", ".join(profile.contact.address)))
    return messages + _facts(profile.faq.get("contact"), t)


_RENDERERS: dict[str, Renderer] = {
    "what_is_portage": _what_is_portage,
    "who_is_it_for": _who_is_it_for,
    "diagnosis_needed": _diagnosis_needed,
    "where_sessions_happen": _where_sessions_happen,
    "how_to_refer": _how_to_refer,
    "areas_covered": _areas_covered,
    "contact": _contact,
}
