"""A word diff as styled text: what the chair removed and added."""

from __future__ import annotations

from rich.text import Text

from referent.review import word_diff

DIFF_STYLES = {"delete": "strike red", "insert": "bold green underline"}


def diff_text(before: str, after: str) -> Text:
    """Words removed struck through in red, words added underlined in green; a replaced
    word and its replacement are kept apart by a space so they do not run together."""
    text = Text()
    previous = ""
    for change in word_diff(before, after):
        if previous == "delete" and change.kind == "insert" and not change.text[:1].isspace():
            text.append(" ")
        text.append(change.text, style=DIFF_STYLES.get(change.kind, ""))
        previous = change.kind
    return text
