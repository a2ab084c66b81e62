"""The family summary: what a family keeps after the screening, in its language and in English."""

from bot.summary.build import SummaryCopy, build_summary
from bot.summary.text import render_text

__all__ = ["SummaryCopy", "build_summary", "render_text"]
