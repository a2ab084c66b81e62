"""Signing in to the professional view: cookies, CSRF, generic errors, lockout, session expiry."""

from __future__ import annotations

import pytest

from tests.web.professional_support import (
    HV_EMAIL,
    PASSWORD,
    Pro,
    csrf_token,
    error_summary,
)

pytest_plugins = ["tests.web.professional_fixtures"]


def _set_cookie(response, name: str) -> str:
    headers = [value for value in response.headers.get_list("set-cookie") if value.startswith(name)]
    assert len(headers) == 1, headers
    return headers[0].lower()


def test_every_page_needs_a_sign_in(pro: Pro) -> None:
    for path in ("/pro", "/pro/screenings/new", "/pro/drafts/abcdefghijklmnopqrstuv"):
        response = pro.client.get(path)
        assert response.status_code == 303
        assert response.headers["location"] == "/pro/sign-in"
        assert response.headers["cache-control"] == "no-store"


def test_a_health_visitor_signs_in_with_a_secure_session_cookie(pro: Pro) -> None:
    pro.add_account()
    page = pro.client.get("/pro/sign-in")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    pre = _set_cookie(page, "portage_pro_csrf=")
    for flag in ("secure", "httponly", "samesite=strict", "path=/pro"):
        assert flag in pre
    form = {"email": " HV@NHS.example ", "password": PASSWORD, "csrf_token": csrf_token(page.text)}
    response = pro.client.post("/pro/sign-in", data=form)
    assert response.status_code == 303 and response.headers["location"] == "/pro"
    cookie = _set_cookie(response, "portage_pro=")
    for flag in ("secure", "httponly", "samesite=strict", "path=/pro"):
        assert flag in cookie
    home = pro.client.get("/pro")
    assert home.status_code == 200
    assert "Signed in as H. Visitor (Health visitor)" in home.text
    assert home.headers["cache-control"] == "no-store"
    # Only a hash of the session token is stored.
    token = pro.client.cookies.get("portage_pro")
    assert token and not any(token in repr(entry) for entry in pro.stores.audit.entries())
    assert pro.stores.sessions.get(token, pro.clock.now) is not None
    assert pro.actions() == ["signed_in"]


def test_signing_in_again_replaces_the_old_session(signed_in: Pro) -> None:
    old = signed_in.client.cookies.get("portage_pro")
    assert signed_in.sign_in().status_code == 303
    new = signed_in.client.cookies.get("portage_pro")
    assert new != old
    assert signed_in.stores.sessions.get(old, signed_in.clock.now) is None
    assert signed_in.stores.sessions.get(new, signed_in.clock.now) is not None


def test_the_session_cookie_is_not_sent_over_plain_http(pro: Pro) -> None:
    pro.add_account()
    assert pro.sign_in().status_code == 303
    pro.client.base_url = "http://testserver"
    assert pro.client.get("/pro").status_code == 303


def test_wrong_password_and_unknown_email_get_the_same_answer(pro: Pro) -> None:
    pro.add_account()
    wrong = pro.sign_in(password="not the right password")
    unknown = pro.sign_in(email="nobody@nhs.example")
    assert wrong.status_code == unknown.status_code == 400
    assert error_summary(wrong.text) == error_summary(unknown.text)
    assert "portage_pro=" not in " ".join(wrong.headers.get_list("set-cookie"))
    assert pro.client.get("/pro").status_code == 303
    # The typed email is shown again, the password never.
    assert 'value="hv@nhs.example"' in wrong.text.lower()
    assert "not the right password" not in wrong.text
    assert pro.actions() == ["sign_in_failed", "sign_in_failed"]


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(pro: Pro) -> None:
    pro.add_account()
    for _ in range(5):
        assert pro.sign_in(password="a wrong password!").status_code == 400
    locked = pro.sign_in()
    assert locked.status_code == 400
    assert error_summary(locked.text) == error_summary(pro.sign_in(password="wrong again").text)
    assert "account_locked" in pro.actions()
    pro.clock.advance(minutes=14, seconds=59)
    assert pro.sign_in().status_code == 400
    pro.clock.advance(seconds=1)
    assert pro.sign_in().status_code == 303
    assert pro.client.get("/pro").status_code == 200


def test_four_wrong_passwords_then_the_right_one_start_the_count_again(pro: Pro) -> None:
    pro.add_account()
    for _ in range(4):
        pro.sign_in(password="a wrong password!")
    assert pro.sign_in().status_code == 303
    for _ in range(4):
        pro.sign_in(password="a wrong password!")
    assert pro.sign_in().status_code == 303


@pytest.mark.parametrize("token", [None, "", "forged-token-forged-token-forged"])
def test_the_sign_in_form_needs_its_csrf_token(pro: Pro, token: str | None) -> None:
    pro.add_account()
    pro.client.get("/pro/sign-in")
    data = {"email": HV_EMAIL, "password": PASSWORD}
    if token is not None:
        data["csrf_token"] = token
    response = pro.client.post("/pro/sign-in", data=data)
    assert response.status_code == 403
    assert "portage_pro=" not in " ".join(response.headers.get_list("set-cookie"))
    assert pro.actions() == []


def test_the_sign_in_form_needs_its_cookie(pro: Pro) -> None:
    pro.add_account()
    token = csrf_token(pro.client.get("/pro/sign-in").text)
    pro.client.cookies.clear()
    response = pro.client.post(
        "/pro/sign-in", data={"email": HV_EMAIL, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("token", [None, "", "x" * 43])
def test_posts_without_the_sessions_csrf_token_are_refused(signed_in: Pro, token) -> None:
    code = signed_in.handoff()
    data = {"code": code}
    if token is not None:
        data["csrf_token"] = token
    response = signed_in.client.post("/pro/open", data=data)
    assert response.status_code == 403
    assert "could not be checked" in response.text
    assert "opened" not in signed_in.actions()
    sign_out = signed_in.client.post("/pro/sign-out", data={"csrf_token": token or ""})
    assert sign_out.status_code == 403
    assert signed_in.client.get("/pro").status_code == 200


def test_another_sessions_csrf_token_is_refused(signed_in: Pro) -> None:
    other_token = csrf_token(signed_in.client.get("/pro").text)
    signed_in.client.cookies.clear()
    assert signed_in.sign_in().status_code == 303
    own = csrf_token(signed_in.client.get("/pro").text)
    assert own != other_token
    response = signed_in.client.post(
        "/pro/open", data={"code": signed_in.handoff(), "csrf_token": other_token}
    )
    assert response.status_code == 403


def test_a_session_ends_after_two_idle_hours(signed_in: Pro) -> None:
    signed_in.clock.advance(minutes=119)
    assert signed_in.client.get("/pro").status_code == 200
    signed_in.clock.advance(minutes=119)
    assert signed_in.client.get("/pro").status_code == 200
    signed_in.clock.advance(minutes=120)
    response = signed_in.client.get("/pro")
    assert response.status_code == 303 and response.headers["location"] == "/pro/sign-in"


def test_a_session_ends_eight_hours_after_sign_in_however_busy(signed_in: Pro) -> None:
    for _ in range(7):
        signed_in.clock.advance(hours=1)
        assert signed_in.client.get("/pro").status_code == 200
    signed_in.clock.advance(minutes=59)
    assert signed_in.client.get("/pro").status_code == 200
    signed_in.clock.advance(minutes=1)
    assert signed_in.client.get("/pro").status_code == 303


def test_signing_out_ends_the_session_everywhere(signed_in: Pro) -> None:
    token = signed_in.client.cookies.get("portage_pro")
    response = signed_in.post("/pro/sign-out")
    assert response.status_code == 303 and response.headers["location"] == "/pro/sign-in"
    assert signed_in.stores.sessions.get(token, signed_in.clock.now) is None
    # Even a copy of the old cookie no longer works.
    signed_in.client.cookies.set("portage_pro", token, domain="testserver", path="/pro")
    assert signed_in.client.get("/pro").status_code == 303
    assert signed_in.actions()[-1] == "signed_out"
