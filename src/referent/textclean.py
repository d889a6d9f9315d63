"""Make pasted text safe to store, to put into a Word document and to approve as shown.

Text arrives from Word, e-mail and PDF with characters that XML 1.0 cannot hold. Word's
own manual line break (U+000B) and page break (U+000C) become newlines, as do U+2028 and
NEL (U+0085), so no words are glued together. Every other control character is dropped:
C0 controls, DEL (U+007F), the C1 controls (U+0080–U+009F), and the bidi embedding,
override and isolate controls (U+202A–U+202E, U+2066–U+2069), which let a line read
``tdnekdog 0051`` on screen and ``1500 godkendt`` in Word. So are the invisible characters
that only make two equal-looking texts differ ("Helen Carter" and "Helen\u200b Carter" were
two participants): the zero-width space U+200B, the word joiner U+2060 and U+FEFF (a byte
order mark pasted into the middle of a text). The bidi *marks* LRM, RLM (U+200E/U+200F) and
ALM (U+061C) only steer neutral characters such as punctuation next to right-to-left words,
and Hebrew or Arabic names need them: they are kept in a text that has right-to-left letters,
and dropped from one that has none, where they do nothing at all. Tabs, newlines, emoji (and
the zero-width joiner inside them), non-breaking spaces and right-to-left text are kept.
``visible`` shows what is left unseen in a message as ``<U+202E>``.
"""

from __future__ import annotations

import re

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
# of what it allows, DEL, C1 and the bidi controls are dropped too (see above).
_DROPPED = (
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
    "\u200b\u2060\ufeff"
)
_FORBIDDEN = re.compile(f"[{_DROPPED}]")
_MARKS = "\u200e\u200f\u061c"
_MARK = re.compile(f"[{_MARKS}]")
# Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan… and their presentation forms: the letters
# a bidi mark is there for
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_UNSEEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_BREAK_BY = {"\u2029": "\n\n"}  # a paragraph separator; every other break is one newline
# Cleaning runs on every autosave of texts up to 20,000 words: one search decides if
# anything needs doing (str.translate with a table was ~10 ms on 160 KiB).
_ANYTHING_TO_DO = re.compile(f"[{_DROPPED}{_MARKS}\x0b\x0c\r\x85\u2028\u2029]")


def _unify_breaks(text: str) -> str:
    return _BREAKS.sub(lambda match: _BREAK_BY.get(match[0], "\n"), text)


def clean_text(text: str) -> str:
    """Return ``text`` with line endings unified and control characters removed."""
    if not _ANYTHING_TO_DO.search(text):
        return text
    text = _FORBIDDEN.sub("", _unify_breaks(text))
    if _MARK.search(text) and not _RIGHT_TO_LEFT.search(text):
        text = _MARK.sub("", text)
    return text


def forbidden_characters(text: str) -> list[str]:
    """The characters ``clean_text`` would drop, for telling the user what was removed."""
    unified = _unify_breaks(text)
    dropped = _FORBIDDEN.findall(unified)
    if not _RIGHT_TO_LEFT.search(unified):
        dropped += _MARK.findall(unified)
    return dropped


def visible(text: str) -> str:
    """``text`` with every invisible or control character shown as ``<U+202E>``: a message that
    quotes a file (``unknown key '…'``) must not be reversed or hidden by what it quotes."""
    return _UNSEEN.sub(lambda match: f"<U+{ord(match[0]):04X}>", text)
