"""Markup and script typed into any free-text field (the family's or the professional's) stays
text: escaped in every page, and plain text in the PDF."""

from __future__ import annotations

import pytest

from bot.profiles import get_profile
from bot.referral.draft import referral_questions
from tests.pdf_tools import pdf_text
from tests.unit.test_summary import SLOTS
from tests.web.professional_support import COMPLETE, Pro

pytest_plugins = ["tests.web.professional_fixtures"]

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
PAYLOADS = (SCRIPT, IMAGE, '"><svg onload=alert(1)>')
# Hampshire asks for evidence (more free-text fields); EYSS asks the family for a diagnosis.
SERVICES = ("hampshire", "eyss")


def free_text(service: str) -> list[str]:
    return [
        q.link_id
        for q in referral_questions(get_profile(service))
        if q.completed_by == "professional" and q.answer_type in ("string", "text")
    ]


def _hostile(index: int) -> str:
    return f"{PAYLOADS[index % len(PAYLOADS)]} field {index}"


def _assert_inert(html: str) -> None:
    for raw in ("<script>alert", "<img src=x", "<svg onload", '"><svg'):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_there_are_free_text_fields_to_attack() -> None:
    fields = {"child.name", "family.address", "referrer.observations", "evidence.1"}
    assert fields <= set(free_text("hampshire"))
    assert SLOTS["diagnosis"].startswith("<script>")  # the family's own free text


@pytest.fixture(params=SERVICES)
def hostile_draft(signed_in: Pro, request: pytest.FixtureRequest) -> tuple[Pro, str]:
    path = signed_in.open_draft(request.param, SLOTS)
    fields = free_text(request.param)
    values = {**COMPLETE, **{link_id: _hostile(i) for i, link_id in enumerate(fields)}}
    assert signed_in.post(path, values, page=path).status_code == 303
    return signed_in, path, request.param


def test_every_free_text_field_is_escaped_on_the_draft_page(hostile_draft) -> None:
    pro, path, service = hostile_draft
    html = pro.client.get(path).text
    _assert_inert(html)
    for index in range(len(free_text(service))):
        assert f" field {index}" in html
    if service == "eyss":
        # The family's diagnosis: in the referral and in both copies of the summary.
        assert html.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") == 3


def test_typed_text_shown_again_after_an_error_is_escaped(hostile_draft) -> None:
    pro, path, service = hostile_draft
    values = {link_id: _hostile(i) for i, link_id in enumerate(free_text(service))}
    response = pro.post(path, {**values, "child.date_of_birth": "not a date"}, page=path)
    assert response.status_code == 400
    _assert_inert(response.text)


def test_markup_in_the_pdf_is_plain_text(hostile_draft) -> None:
    pro, path, service = hostile_draft
    text = " ".join(pdf_text(pro.client.get(f"{path}/referral.pdf").content).split())
    # Printed as the characters typed: had it been markup, the tags would have disappeared.
    for index in range(len(free_text(service))):
        assert f"{PAYLOADS[index % len(PAYLOADS)]} field {index}" in text
    if service == "eyss":
        assert '<script>alert("x")</script><img src=x onerror=alert(1)>' in text


def test_the_fhir_export_carries_the_text_as_data(hostile_draft) -> None:
    pro, path, _ = hostile_draft
    response = pro.client.get(f"{path}/fhir")
    assert response.headers["content-type"].startswith("application/fhir+json")
    assert response.headers["x-content-type-options"] == "nosniff"
    answers = {
        item["linkId"]: item["answer"][0]
        for group in response.json()["entry"][1]["resource"]["item"]
        for item in group["item"]
    }
    assert answers["child.name"] == {"valueString": f"{SCRIPT} field 0"}


def test_the_sign_in_page_escapes_the_typed_email(pro: Pro) -> None:
    response = pro.sign_in(email=f'{SCRIPT}"{IMAGE}')
    assert response.status_code == 400
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&lt;img" in response.text
