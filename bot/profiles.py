"""Loads and validates the service profiles in bot/services/: one YAML file per Portage service."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.paths import SERVICES_DIR
from bot.profile_schema import ServiceProfile

DEFAULT_SERVICE_ENV = "PORTAGE_SERVICE"


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file and the field."""


class ServiceNotConfigured(LookupError):
    """PORTAGE_SERVICE is unset and the request named no service."""


class UnknownService(LookupError):
    def __init__(self, service_id: object, known: list[str]) -> None:
        super().__init__(f"unknown service {service_id!r}; known services: {', '.join(known)}")
        self.service_id = service_id
        self.known = known


def load_profile(path: Path) -> ServiceProfile:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ProfileError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise ProfileError(f"{path.name}: expected a mapping of fields at the top level")
    try:
        profile = ServiceProfile.parse_obj(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"field '{'.'.join(str(p) for p in issue['loc'] if p != '__root__')}': {issue['msg']}"
            for issue in error.errors()
        )
        raise ProfileError(f"{path.name}: {problems}") from error
    if profile.id != path.stem:
        raise ProfileError(f"{path.name}: field 'id': must match the file name ({path.stem!r})")
    if not (path.parent / "pages" / profile.source_page).is_file():
        raise ProfileError(
            f"{path.name}: field 'source_page': no file pages/{profile.source_page} beside it"
        )
    return profile


def source_page_text(profile: ServiceProfile) -> str:
    """The Local Offer page a profile was written from."""
    return (SERVICES_DIR / "pages" / profile.source_page).read_text(encoding="utf-8")


def load_profiles(directory: Path = SERVICES_DIR) -> dict[str, ServiceProfile]:
    profiles = {}
    for path in sorted(directory.glob("*.yaml")):
        profile = load_profile(path)
        profiles[profile.id] = profile
    if not profiles:
        raise ProfileError(f"no service profiles in {directory}")
    return profiles


@lru_cache(maxsize=1)
def all_profiles() -> dict[str, ServiceProfile]:
    """Every profile, validated once per process."""
    return load_profiles()


def get_profile(service_id: object) -> ServiceProfile:
    profiles = all_profiles()
    if not isinstance(service_id, str) or service_id not in profiles:
        raise UnknownService(service_id, sorted(profiles))
    return profiles[service_id]


def default_service_id() -> str:
    """The deployment's service, from PORTAGE_SERVICE; an unknown id is an error, never ignored."""
    configured = os.environ.get(DEFAULT_SERVICE_ENV, "").strip()
    if not configured:
        known = ", ".join(sorted(all_profiles()))
        raise ServiceNotConfigured(f"{DEFAULT_SERVICE_ENV} is not set; set it to one of: {known}")
    return get_profile(configured).id
