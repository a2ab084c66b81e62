"""The QR code a family shows their health visitor: the handoff code itself, as an SVG.

It holds only the code (no address of this deployment), so a professional's phone camera reads the
code to type into the professional view; made locally with segno, nothing fetched.
"""

from __future__ import annotations

import base64
import io

import segno

from bot.handoff.codes import normalise


def qr_svg(code: str) -> bytes:
    qr = segno.make_qr(normalise(code), error="m")
    buffer = io.BytesIO()
    # Dark on white with the standard quiet zone, scaled for a phone screen and for print.
    qr.save(buffer, kind="svg", scale=6, border=4, dark="#0b0c0c", light="#ffffff", xmldecl=False)
    return buffer.getvalue()


def qr_data_uri(code: str) -> str:
    """For an <img src>: the page's Content-Security-Policy allows data: images, not remote ones."""
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(code)).decode("ascii")
