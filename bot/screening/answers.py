"""A family's screening answers, in the design brief's JSON format, strictly validated.

One convention for every field, as the brief sets it for ``delays``: a field that is left out
means "no" (no concern, not born early, no diagnosis), and an explicit ``null`` means "not sure".
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, StrictBool, StrictFloat, StrictInt, StrictStr, validator
from pydantic.fields import ModelField

from bot.profile_schema import SCREENING_AREAS

MAX_AGE_MONTHS = 120
MAX_WEEKS_PREMATURE = 24
MAX_SETTING_HOURS = 60

_UPPER_BOUNDS = {
    "child_age_months": MAX_AGE_MONTHS,
    "weeks_premature": MAX_WEEKS_PREMATURE,
    "setting_hours_per_week": MAX_SETTING_HOURS,
}

Area = Literal[SCREENING_AREAS]  # type: ignore[valid-type]
Number = StrictInt | StrictFloat
SensoryLoss = Literal["none", "hearing", "sight", "both"]


class ScreeningAnswers(BaseModel):
    service: StrictStr
    child_age_months: Number
    weeks_premature: Number | None = 0
    # The family's estimate of how many months behind the child is in each area.
    delays: dict[Area, Number | None] = {}
    asq_low_areas: list[Area] | None = []
    diagnosis: StrictStr | None = Field("", max_length=200)
    condition_with_learning_difficulty: StrictBool | None = False
    sensory_loss: SensoryLoss | None = "none"
    significant_physical_difficulty: StrictBool | None = False
    significant_social_communication_difficulty: StrictBool | None = False
    attends_setting: StrictBool | None = False
    setting_hours_per_week: Number | None = 0
    funded_place: StrictBool | None = False
    looked_after: StrictBool | None = False
    known_to_social_care: StrictBool | None = False

    class Config:
        extra = "forbid"

    @validator("child_age_months", "weeks_premature", "setting_hours_per_week")
    def _in_range(cls, value: float | None, field: ModelField) -> float | None:
        upper = _UPPER_BOUNDS[field.name]
        if value is not None and not 0 <= value <= upper:
            raise ValueError(f"must be between 0 and {upper}")
        return value

    @validator("delays", "asq_low_areas", pre=True)
    def _known_areas(cls, value: object) -> object:
        names = value if isinstance(value, list) else value if isinstance(value, dict) else []
        unknown = [name for name in names if name not in SCREENING_AREAS]
        if unknown:
            raise ValueError(f"unknown area {unknown[0]!r}; areas are {', '.join(SCREENING_AREAS)}")
        return value

    @validator("delays")
    def _delays_within_age(cls, delays: dict, values: dict) -> dict:
        age = values.get("child_age_months")
        for area, months in delays.items():
            if months is None:
                continue
            if months < 0:
                raise ValueError(f"{area}: a delay cannot be negative")
            if age is not None and months > age:
                raise ValueError(f"{area}: a delay cannot be longer than the child's age")
        return delays

    @validator("asq_low_areas")
    def _unique_areas(cls, areas: list | None) -> list | None:
        if areas is not None and len(set(areas)) != len(areas):
            raise ValueError("lists an area twice")
        return areas

    @validator("diagnosis")
    def _plain_text(cls, value: str | None) -> str | None:
        # Free text is kept only as plain text; it never reaches a log or markup unescaped.
        return " ".join(value.split()) if value else value

    def is_unsure(self, field: str) -> bool:
        """The family answered "not sure" (an explicit null)."""
        return field in self.__fields_set__ and getattr(self, field) is None
