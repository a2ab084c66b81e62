"""Text folding for matching what people type, with or without accents."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ı": "i"})


def fold(text: str) -> str:
    """Lower case without Latin accents: "Przestał", "przestal" and "PRZESTAL" compare equal.

    Marks in other scripts (Arabic, Gurmukhi, Bengali, Gujarati) carry meaning and are kept.
    """
    lowered = text.casefold().translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", lowered)
    folded = "".join(
        ch for ch in decomposed if not (unicodedata.combining(ch) and _is_latin_mark(ch))
    )
    return unicodedata.normalize("NFC", folded)


def _is_latin_mark(mark: str) -> bool:
    # Combining diacritical marks used with Latin letters live in U+0300..U+036F.
    return 0x0300 <= ord(mark) <= 0x036F
