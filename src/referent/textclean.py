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
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n\n"})


def clean_text(text: str) -> str:
    """Return ``text`` with line endings unified and XML-forbidden characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    return _FORBIDDEN.sub("", text)


def forbidden_characters(text: str) -> list[str]:
    """The characters ``clean_text`` would drop, for telling the user what was removed."""
    return _FORBIDDEN.findall(text.translate(_BREAKS))
