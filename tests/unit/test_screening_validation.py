"""Invalid screening answers get a clear error naming the field: never a crash, never a 500."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from bot.cli import main as portage
from bot.screening.io import InvalidAnswers, parse_answers, screen_json
from web_widget.app import create_app
from web_widget.settings import Settings


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"child_age_months": 20}, "service"),
        ({"service": "hampshire"}, "child_age_months"),
        ({"service": "atlantis", "child_age_months": 20}, "service"),
        ({"service": "hampshire", "child_age_months": -1}, "child_age_months"),
        ({"service": "hampshire", "child_age_months": 900}, "child_age_months"),
        ({"service": "hampshire", "child_age_months": "two"}, "child_age_months"),
        ({"service": "hampshire", "child_age_months": True}, "child_age_months"),
        (
            {"service": "hampshire", "child_age_months": 20, "weeks_premature": 40},
            "weeks_premature",
        ),
        ({"service": "hampshire", "child_age_months": 20, "delays": {"singing": 2}}, "delays"),
        (
            {"service": "hampshire", "child_age_months": 20, "delays": {"communication": -2}},
            "delays",
        ),
        (
            {"service": "hampshire", "child_age_months": 20, "delays": {"communication": 30}},
            "delays",
        ),
        (
            {"service": "hampshire", "child_age_months": 20, "delays": {"communication": "lots"}},
            "delays.communication",
        ),
        (
            {"service": "hampshire", "child_age_months": 20, "asq_low_areas": ["dancing"]},
            "asq_low_areas",
        ),
        (
            {"service": "hampshire", "child_age_months": 20, "asq_low_areas": "communication"},
            "asq_low_areas",
        ),
        ({"service": "hampshire", "child_age_months": 20, "sensory_loss": "smell"}, "sensory_loss"),
        ({"service": "hampshire", "child_age_months": 20, "funded_place": "yes"}, "funded_place"),
        ({"service": "hampshire", "child_age_months": 20, "diagnosis": "x" * 500}, "diagnosis"),
        (
            {"service": "hampshire", "child_age_months": 20, "favourite_colour": "red"},
            "favourite_colour",
        ),
    ],
)
def test_invalid_answers_name_the_field(answers: dict, field: str) -> None:
    with pytest.raises(InvalidAnswers) as error:
        parse_answers(answers)
    assert field in error.value.problems, error.value.problems


def test_not_json_and_not_an_object() -> None:
    with pytest.raises(InvalidAnswers, match="answers: not valid JSON"):
        screen_json("{child_age_months: 2")
    with pytest.raises(InvalidAnswers, match="must be a JSON object"):
        screen_json("[1, 2]")


def test_cli_reports_errors_as_json_with_exit_code_2(tmp_path, capsys) -> None:
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps({"service": "coventry", "child_age_months": -4}))
    assert portage(["screen", "--answers", str(answers_file)]) == 2
    output = json.loads(capsys.readouterr().out)
    assert output["error"] == "invalid_answers" and "child_age_months" in output["fields"]
    assert portage(["screen", "--answers", str(tmp_path / "missing.json")]) == 2


@pytest.mark.parametrize(
    "body",
    [
        [1, 2],
        "text",
        None,
        {"service": "dcts", "child_age_months": {"a": 1}},
        {"service": "dcts", "child_age_months": 10, "delays": [1, 2]},
    ],
)
def test_web_app_answers_422_never_500(body) -> None:
    client = TestClient(create_app(Settings()), raise_server_exceptions=False)
    response = client.post("/api/screening/evaluate", json=body)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_free_text_is_kept_as_plain_text() -> None:
    answers = parse_answers(
        {
            "service": "buckinghamshire",
            "child_age_months": 20,
            "diagnosis": "  <script>alert(1)</script>\n Down   syndrome ",
        }
    )
    assert answers.diagnosis == "<script>alert(1)</script> Down syndrome"
