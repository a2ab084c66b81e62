"""Service profiles: the five pages load, and a broken file names itself and the field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli import main as portage
from bot.paths import SERVICES_DIR
from bot.profiles import (
    ProfileError,
    ServiceNotConfigured,
    UnknownService,
    all_profiles,
    default_service_id,
    get_profile,
    load_profile,
    load_profiles,
    source_page_text,
)
from tests.conftest import SERVICE_IDS


def test_the_five_services_of_the_design_brief_load() -> None:
    assert tuple(sorted(all_profiles())) == SERVICE_IDS


def test_each_profile_names_the_page_it_was_written_from(profile) -> None:
    assert source_page_text(profile).strip()


def test_phone_numbers_and_web_addresses_come_from_the_page(profile) -> None:
    page = _digits_and_text(source_page_text(profile))
    contact = profile.contact
    numbers = [contact.phone, *(p for p in _safeguarding_phones(profile))]
    for number in filter(None, numbers):
        assert number.replace(" ", "") in page["digits"], number
    if contact.website:
        assert contact.website in page["text"]
    if contact.email:
        assert contact.email in page["text"]


def test_age_bounds_match_the_published_ages() -> None:
    ages = {sid: all_profiles()[sid].eligibility.age_months for sid in SERVICE_IDS}
    assert (ages["dcts"].min, ages["dcts"].max) == (0, 28)
    assert (ages["coventry"].min, ages["coventry"].max) == (0, 36)
    assert (ages["hampshire"].min, ages["hampshire"].max) == (12, 60)
    assert (
        ages["buckinghamshire"].max == 36
        and not all_profiles()["buckinghamshire"].eligibility.age_strict
    )


def test_where_sessions_happen_differs_as_the_pages_say() -> None:
    places = {sid: [p.value for p in all_profiles()[sid].sessions.places] for sid in SERVICE_IDS}
    assert places["buckinghamshire"] == ["home"]
    assert places["hampshire"] == ["home", "early_years_setting"]
    assert places["dcts"] == []  # the page does not say


def _digits_and_text(page: str) -> dict[str, str]:
    return {"digits": re.sub(r"\D", "", page), "text": page}


def _safeguarding_phones(profile) -> list[str]:
    safeguarding = profile.safeguarding
    if safeguarding is None:
        return []
    return [safeguarding.phone, safeguarding.out_of_hours_phone or ""]


@pytest.fixture
def services_copy(tmp_path: Path) -> Path:
    """A writable copy of bot/services to break on purpose."""
    target = tmp_path / "services"
    shutil.copytree(SERVICES_DIR, target)
    return target


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("summary"), "summary"),
        (lambda d: d["contact"].update(phone="call us"), "contact.phone"),
        (lambda d: d["contact"].update(website="http://insecure.example"), "contact.website"),
        (lambda d: d.update(colour="blue"), "colour"),
        (lambda d: d["eligibility"]["age_months"].update(max=6), "eligibility.age_months"),
        (lambda d: d["eligibility"].update(routes=[]), "eligibility.routes"),
        (
            lambda d: d["eligibility"]["routes"][0].update(
                threshold={"months": 9, "fraction_of_age": 0.3}
            ),
            "eligibility.routes.0.threshold",
        ),
        (
            lambda d: d["eligibility"]["routes"][0].update(required_area="singing"),
            "eligibility.routes.0.required_area",
        ),
        (lambda d: d["sessions"].update(places=["moon"]), "sessions.places.0"),
        (lambda d: d["faq"].update(parking={"answer": "Yes."}), "faq"),
        (lambda d: d["faq"]["cost"].update(answer="Free {nothing}"), "faq.cost.answer"),
        (lambda d: d.update(id="elsewhere"), "id"),
        (lambda d: d.update(source_page="missing.txt"), "source_page"),
    ],
)
def test_a_broken_profile_names_the_file_and_the_field(services_copy: Path, change, field) -> None:
    path = services_copy / "hampshire.yaml"
    _edit(path, change)
    with pytest.raises(ProfileError) as error:
        load_profile(path)
    message = str(error.value)
    assert message.startswith("hampshire.yaml:")
    assert f"'{field}" in message


def test_invalid_yaml_is_reported_with_the_file_name(services_copy: Path) -> None:
    path = services_copy / "coventry.yaml"
    path.write_text("id: coventry\nsummary: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"^coventry\.yaml: not valid YAML"):
        load_profile(path)


def test_a_new_council_adds_a_service_with_one_file(services_copy: Path) -> None:
    source = (services_copy / "eyss.yaml").read_text(encoding="utf-8")
    (services_copy / "newtown.yaml").write_text(source.replace("id: eyss", "id: newtown"), "utf-8")
    assert "newtown" in load_profiles(services_copy)


def test_unknown_service_is_an_error_never_a_default(monkeypatch) -> None:
    with pytest.raises(UnknownService, match="unknown service 'narnia'; known services: buck"):
        get_profile("narnia")
    monkeypatch.setenv("PORTAGE_SERVICE", "narnia")
    with pytest.raises(UnknownService):
        default_service_id()
    monkeypatch.delenv("PORTAGE_SERVICE")
    with pytest.raises(ServiceNotConfigured, match="PORTAGE_SERVICE is not set"):
        default_service_id()


def test_portage_services_lists_and_validates(capsys) -> None:
    assert portage(["services"]) == 0
    output = capsys.readouterr().out
    for service_id in SERVICE_IDS:
        assert service_id in output
    assert "5 profiles valid" in output


def test_portage_services_fails_on_a_broken_profile(services_copy: Path, capsys) -> None:
    _edit(services_copy / "dcts.yaml", lambda d: d["contact"].pop("team"))
    assert portage(["services", "--directory", str(services_copy)]) == 1
    assert "dcts.yaml: field 'contact.team'" in capsys.readouterr().err
