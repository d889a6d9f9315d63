"""Make pasted text safe to store and to put into a Word document.

Text arrives from Word, e-mail and PDF with characters that XML 1.0 cannot hold. Word's
own manual line break (U+000B) and page break (U+000C) become newlines so no words are
glued together; every other forbidden character is dropped. Tabs, newlines, emoji,
non-breaking spaces and right-to-left text are kept as they are.
"""

from __future__ import annotations

import re

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")
_BREAK_BY = {"\u2029": "\n\n"}  # a paragraph separator; every other break is one newline
# Cleaning runs on every autosave of texts up to 20,000 words: one search decides if
# anything needs doing (str.translate with a table was ~10 ms on 160 KiB).
_ANYTHING_TO_DO = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _unify_breaks(text: str) -> str:
    return _BREAKS.sub(lambda match: _BREAK_BY.get(match[0], "\n"), text)


def clean_text(text: str) -> str:
    """Return ``text`` with line endings unified and XML-forbidden characters removed."""
    if not _ANYTHING_TO_DO.search(text):
        return text
    return _FORBIDDEN.sub("", _unify_breaks(text))


def forbidden_characters(text: str) -> list[str]:
    """The characters ``clean_text`` would drop, for telling the user what was removed."""
    return _FORBIDDEN.findall(_unify_breaks(text))
