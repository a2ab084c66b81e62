"""Reads a PDF back as a reader would: its text (pdftotext) and its embedded fonts (pdffonts)."""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def _run(tool: list[str], pdf: bytes, *after: str) -> str:
    """Runs a poppler tool on the PDF (written to a temporary file) and returns its output."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "document.pdf"
        path.write_bytes(pdf)
        result = subprocess.run([*tool, str(path), *after], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    return _run(["pdftotext", "-enc", "UTF-8"], pdf, "-")


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font the PDF uses."""
    fonts = []
    for line in _run(["pdffonts"], pdf).splitlines()[2:]:
        columns = line.split()
        if len(columns) >= 6:
            # name, type, encoding, then emb sub uni object id: "emb" is 5th from the end
            fonts.append((columns[0], columns[-5] == "yes"))
    return fonts


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x_min: float
    x_max: float
    page_width: float


_PAGE = re.compile(r'<page width="([\d.]+)"')
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)


def pdf_words(pdf: bytes) -> list[Word]:
    """Every word with its page and horizontal position, in reading order (pdftotext -bbox)."""
    words: list[Word] = []
    page, width = 0, 0.0
    for line in _run(["pdftotext", "-bbox", "-enc", "UTF-8"], pdf, "-").splitlines():
        if started := _PAGE.search(line):
            page, width = page + 1, float(started[1])
        elif found := _WORD.search(line):
            text = html.unescape(found[3])
            words.append(Word(text, page, float(found[1]), float(found[2]), width))
    return words
