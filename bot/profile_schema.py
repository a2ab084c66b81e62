"""The shape of a service profile: one YAML file in bot/services/ per Portage service.

A profile holds one Local Offer page's facts as data. Sentences are `Text` (English msgids that
translators translate); names, phone numbers and addresses are plain strings shown as written.
Unknown fields are errors, so a typo in a co-ordinator's file is caught at load time.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field, root_validator, validator

from bot.topics import FAQ_TOPICS

SCREENING_AREAS = (
    "communication",
    "gross_motor",
    "fine_motor",
    "problem_solving",
    "personal_social",
)
PRIORITY_CODES = ("not_in_setting", "social_care", "looked_after")


class Text(str):
    """A sentence a family reads: translated through the catalogs. Whitespace is normalised so
    folded YAML and the extracted msgid are the same string."""

    @classmethod
    def __get_validators__(cls):
        yield cls.validate

    @classmethod
    def validate(cls, value: object) -> Text:
        if not isinstance(value, str):
            raise TypeError("must be text")
        normalised = " ".join(value.split())
        if not normalised:
            raise ValueError("must not be empty")
        if "{" in normalised or "}" in normalised:
            raise ValueError("must not contain braces: they are reserved for placeholders")
        return cls(normalised)


_PHONE = re.compile(r"^0[0-9 ]{9,12}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


class Strict(BaseModel):
    class Config:
        extra = "forbid"
        allow_mutation = False
        anystr_strip_whitespace = True


class Contact(Strict):
    # Who answers, as the page names them: shown as a label, never inflected in a sentence.
    team: Text
    phone: str | None = None
    phone_note: Text | None = None
    email: str | None = None
    website: str | None = None
    enquiry_form: str | None = None
    address: list[str] = []
    # How to reach the service when the page gives no phone or email.
    other_routes: list[Text] = []

    @validator("phone")
    def _uk_phone(cls, value: str | None) -> str | None:
        if value is not None and not _PHONE.match(value):
            raise ValueError("must be a UK phone number written with digits and spaces")
        return value

    @validator("email")
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise ValueError("must be an email address")
        return value

    @validator("website")
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("must be an https:// address")
        return value

    @root_validator(skip_on_failure=True)
    def _reachable(cls, values: dict) -> dict:
        if not (values.get("phone") or values.get("email") or values.get("other_routes")):
            raise ValueError("give a phone, an email or other_routes: families need a way in")
        return values


class Safeguarding(Strict):
    team: Text
    phone: str
    out_of_hours_phone: str | None = None


class Place(str, Enum):
    home = "home"
    early_years_setting = "early_years_setting"
    childrens_centre = "childrens_centre"
    school = "school"


class Sessions(Strict):
    # Empty when the page does not say where sessions happen.
    places: list[Place] = []
    not_in_setting_reason: Text | None = None


class Referrer(str, Enum):
    parents = "parents"
    health_professionals = "health_professionals"
    early_years_settings = "early_years_settings"
    teachers = "teachers"
    professionals = "professionals"
    therapists = "therapists"
    health_visitors = "health_visitors"


class Referral(Strict):
    # Empty when the page does not say who may refer.
    who_can_refer: list[Referrer] = []
    # True: parents may refer; False: only professionals; None: the page does not say.
    parents_can_refer: bool | None = None
    route: Text | None = None
    parent_first_step: Text | None = None
    evidence: list[Text] = []
    consent: Text | None = None


class Area(Strict):
    description: Text | None = None
    districts: list[str] = []


class AgeRange(Strict):
    min: int = Field(0, ge=0, le=96)
    # Exclusive upper bound in months; None when the page gives none.
    max: int | None = Field(None, ge=1, le=96)

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values: dict) -> dict:
        if values["max"] is not None and values["max"] <= values["min"]:
            raise ValueError("max must be greater than min")
        return values


class Threshold(Strict):
    months: float | None = Field(None, gt=0)
    fraction_of_age: float | None = Field(None, gt=0, lt=1)
    # The page says "approximately": an estimate a little below the threshold is for the service
    # to judge, so it leaves the outcome open instead of failing.
    approximate: bool = False

    @root_validator(skip_on_failure=True)
    def _one_kind(cls, values: dict) -> dict:
        if (values.get("months") is None) == (values.get("fraction_of_age") is None):
            raise ValueError("give exactly one of months or fraction_of_age")
        return values


RouteKind = Literal[
    "delay",
    "condition_with_learning_difficulty",
    "diagnosis",
    "premature_with_delay",
    "asq_low",
    "sensory_loss_with_delay",
    "significant_physical_difficulty",
    "significant_social_communication_difficulty",
]


class Route(Strict):
    """One published way in to the service; meeting any route suggests the criteria may be met."""

    kind: RouteKind
    # Which line of eligibility.criteria this route puts into practice (0 is the first line).
    criterion: int = Field(..., ge=0)
    age_months: AgeRange | None = None
    min_areas: int | None = Field(None, ge=1, le=5)
    # None on a delay route: the page asks for a "significant" delay without a measure.
    threshold: Threshold | None = None
    required_area: Literal[SCREENING_AREAS] | None = None  # type: ignore[valid-type]
    # "possible" where meeting the route still needs a professional's judgement.
    outcome_if_met: Literal["likely", "possible"] = "likely"
    # A smaller delay can count when a professional expects it to grow (a page's "or are
    # expected to have"): such areas leave the outcome open instead of failing the route.
    expected_delay_counts: bool = False

    @root_validator(skip_on_failure=True)
    def _params_fit_kind(cls, values: dict) -> dict:
        kind = values["kind"]
        if kind in ("delay", "asq_low") and values.get("min_areas") is None:
            raise ValueError(f"a {kind} route needs min_areas")
        if kind not in ("delay", "asq_low") and values.get("min_areas") is not None:
            raise ValueError(f"min_areas does not apply to a {kind} route")
        if kind != "delay" and (values.get("threshold") or values.get("required_area")):
            raise ValueError("threshold and required_area apply to delay routes only")
        return values


class Limit(Strict):
    """A published rule that ends support or makes it depend on circumstances.

    funded_place: applies when the child uses a government-funded nursery place;
    attends_setting: applies when the child goes to an early years setting.
    ``effect`` is the outcome it leads to: "unlikely" (support ends) or "possible" (it depends).
    """

    kind: Literal["funded_place", "attends_setting"]
    from_age_months: int = Field(0, ge=0)
    effect: Literal["unlikely", "possible"]
    description: Text


class Eligibility(Strict):
    age_months: AgeRange
    # Outside the age range: "unlikely" when strict, "possible" when the page says "primarily".
    age_strict: bool = True
    age_description: Text
    criteria: list[Text] = Field(..., min_items=1)
    diagnosis_required: Literal["no", "not_in_criteria", "not_stated"]
    diagnosis_note: Text | None = None
    # Areas the page counts as one, e.g. "physical" for gross and fine motor skills.
    area_groups: dict[str, list[Literal[SCREENING_AREAS]]] = {}  # type: ignore[valid-type]
    routes: list[Route] = Field(..., min_items=1)
    priorities: list[Literal[PRIORITY_CODES]] = []  # type: ignore[valid-type]
    limits: list[Limit] = []

    @root_validator(skip_on_failure=True)
    def _routes_name_a_criterion(cls, values: dict) -> dict:
        for index, route in enumerate(values["routes"]):
            if route.criterion >= len(values["criteria"]):
                raise ValueError(
                    f"routes.{index}.criterion: {route.criterion} is not a line of criteria"
                )
        return values


class TopicFacts(Strict):
    """What a page says on one FAQ topic: a direct answer first, then one idea per point."""

    answer: Text | None = None
    points: list[Text] = []

    @root_validator(skip_on_failure=True)
    def _not_empty(cls, values: dict) -> dict:
        if not values.get("answer") and not values.get("points"):
            raise ValueError("give an answer or points, or leave the topic out")
        return values


class ServiceProfile(Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]{1,30}$")
    name: str
    council: str | None = None
    # The Local Offer page the facts come from, kept in bot/services/pages/ for reference.
    source_page: str = Field(..., regex=r"^[\w.-]+\.txt$")
    page_updated: dt.date | None = None
    summary: Text
    contact: Contact
    safeguarding: Safeguarding | None = None
    sessions: Sessions = Sessions()
    referral: Referral = Referral()
    area: Area = Area()
    eligibility: Eligibility
    faq: dict[str, TopicFacts] = {}

    @validator("faq")
    def _known_topics(cls, value: dict[str, TopicFacts]) -> dict[str, TopicFacts]:
        unknown = sorted(set(value) - set(FAQ_TOPICS))
        if unknown:
            raise ValueError(f"unknown topics {unknown}; topics are {', '.join(FAQ_TOPICS)}")
        return value
