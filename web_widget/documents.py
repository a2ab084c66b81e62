"""The family summary as an HTML page and as a PDF (WeasyPrint, with the machine's Noto fonts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.summary import SummaryCopy

_HERE = Path(__file__).resolve().parent
STYLESHEET = _HERE / "static" / "summary.css"


def template_environment() -> Environment:
    """The web app's Jinja2 templates, every one autoescaped (strings rendered too)."""
    return Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def render_summary_html(
    env: Environment,
    copies: list[SummaryCopy],
    stylesheet_url: str | None,
    downloads: dict[str, Any] | None = None,
) -> str:
    """Autoescaped: an answer a family typed (e.g. a condition's name) can never become markup."""
    return env.get_template("summary.html").render(
        copies=copies, stylesheet_url=stylesheet_url, downloads=downloads
    )


def render_summary_pdf(env: Environment, copies: list[SummaryCopy]) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which only PDFs need

    html = render_summary_html(env, copies, stylesheet_url=None)
    # No base_url and a fetcher that refuses everything: the PDF never loads anything from outside.
    return HTML(string=html, url_fetcher=_refuse).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))]
    )


def _refuse(url: str) -> dict:
    raise ValueError("the summary loads no external resources")
