"""Every case of the table in tests/data/screening_cases.yaml, through the engine, the `portage
screen` command and POST /api/screening/evaluate: all three must agree with the page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from bot.cli import main as portage
from bot.i18n import Translator
from bot.profiles import get_profile
from bot.screening.io import parse_answers
from bot.screening.result import screen
from tests.conftest import SERVICE_IDS
from web_widget.app import create_app
from web_widget.settings import Settings

TABLE = yaml.safe_load(
    Path(__file__).parent.parent.joinpath("data/screening_cases.yaml").read_text()
)
CASES = [
    pytest.param(service, case, id=f"{service}-{index}")
    for service, cases in TABLE.items()
    for index, case in enumerate(cases)
]


def test_every_service_has_at_least_eight_cases() -> None:
    assert set(TABLE) == set(SERVICE_IDS)
    assert all(len(cases) >= 8 for cases in TABLE.values())


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Settings()))


@pytest.mark.parametrize(("service", "case"), CASES)
def test_engine_agrees_with_the_page(service: str, case: dict) -> None:
    answers = parse_answers({"service": service, **case["answers"]})
    result = screen(answers, get_profile(service), Translator("en"))
    assert result.outcome == case["outcome"], case["why"]
    assert result.priority == case.get("priority", []), case["why"]
    assert result.reasons and result.next_steps and result.decision_note


@pytest.mark.parametrize(("service", "case"), CASES)
def test_cli_and_web_app_return_the_same(service, case, client, tmp_path, capsys) -> None:
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps({"service": service, **case["answers"]}))
    assert portage(["screen", "--answers", str(answers_file)]) == 0
    from_cli = json.loads(capsys.readouterr().out)
    response = client.post("/api/screening/evaluate", json={"service": service, **case["answers"]})
    assert response.status_code == 200
    assert response.json() == from_cli
    assert from_cli["outcome"] == case["outcome"]


def test_the_installed_command_prints_json(tmp_path: Path) -> None:
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(
        json.dumps(
            {"service": "coventry", "child_age_months": 30, "significant_physical_difficulty": True}
        )
    )
    portage_bin = Path(sys.executable).with_name("portage")
    completed = subprocess.run(
        [str(portage_bin), "screen", "--answers", str(answers_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(completed.stdout)["outcome"] == "likely"


def test_service_option_overrides_the_file(tmp_path: Path, capsys) -> None:
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(
        json.dumps(
            {
                "service": "hampshire",
                "child_age_months": 10,
                "condition_with_learning_difficulty": True,
            }
        )
    )
    portage(["screen", "--answers", str(answers_file), "--service", "coventry"])
    result = json.loads(capsys.readouterr().out)
    assert (result["service"], result["outcome"]) == ("coventry", "likely")


def test_results_in_polish(client) -> None:
    body = {
        "service": "dcts",
        "child_age_months": 20,
        "asq_low_areas": ["communication", "problem_solving"],
    }
    result = client.post("/api/screening/evaluate?language=pl", json=body).json()
    assert result["language"] == "pl" and result["outcome"] == "likely"
    assert "Early Help Hub" in " ".join(result["next_steps"])
    assert "decyz" in result["decision_note"]
