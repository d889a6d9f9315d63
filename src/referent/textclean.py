"""Make pasted text safe to store, to put into a Word document and to approve as shown.

Text arrives from Word, e-mail and PDF with characters that XML 1.0 cannot hold. Word's
own manual line break (U+000B) and page break (U+000C) become newlines, as do U+2028 and
NEL (U+0085), so no words are glued together. Every other control character is dropped:
C0 controls, DEL (U+007F), the C1 controls (U+0080–U+009F), and the bidi embedding,
override and isolate controls (U+202A–U+202E, U+2066–U+2069), which let a line read
``tdnekdog 0051`` on screen and ``1500 godkendt`` in Word. The bidi *marks* LRM, RLM
(U+200E/U+200F) and ALM (U+061C) are kept: they only steer neutral characters such as
punctuation next to right-to-left words, cannot reverse letters or digits, and Hebrew or
Arabic names need them. Tabs, newlines, emoji, non-breaking spaces and right-to-left text
are kept as they are.
"""

from __future__ import annotations

import re

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
# of what it allows, DEL, C1 and the bidi controls are dropped too (see above).
_DROPPED = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
_FORBIDDEN = re.compile(f"[{_DROPPED}]")
_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_BREAK_BY = {"\u2029": "\n\n"}  # a paragraph separator; every other break is one newline
# Cleaning runs on every autosave of texts up to 20,000 words: one search decides if
# anything needs doing (str.translate with a table was ~10 ms on 160 KiB).
_ANYTHING_TO_DO = re.compile(f"[{_DROPPED}\x0b\x0c\r\x85\u2028\u2029]")


def _unify_breaks(text: str) -> str:
    return _BREAKS.sub(lambda match: _BREAK_BY.get(match[0], "\n"), text)


def clean_text(text: str) -> str:
    """Return ``text`` with line endings unified and control characters removed."""
    if not _ANYTHING_TO_DO.search(text):
        return text
    return _FORBIDDEN.sub("", _unify_breaks(text))


def forbidden_characters(text: str) -> list[str]:
    """The characters ``clean_text`` would drop, for telling the user what was removed."""
    return _FORBIDDEN.findall(_unify_breaks(text))
