"""Read a council's agenda from its own Word document (.docx) into a ``Meeting``.

``read_word_agenda(path)`` returns the meeting and a warning for every paragraph it could
not place (kept in the nearest item's case text, never dropped). A file that is no usable
.docx raises ``MeetingFileError`` with one clear problem: damaged, password-protected,
an old .doc, a PDF, empty, without recognisable items, or larger than the limits
(``MAX_FILE_BYTES`` for the file, ``MAX_XML_BYTES`` for its unpacked text).

Positions are paragraph numbers, rendered ``AGENDA.docx:¶57: …``: ¶N is the N-th
paragraph in document order, counting every body paragraph and each table's paragraphs
(row by row, cell by cell) where the table stands; empty paragraphs count too. For a
document without content controls that is ``document.iter_inner_content()`` with each
table expanded into its cells' paragraphs.

python-docx is imported only when a document is actually read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from referent.importing.sniff import MAX_FILE_BYTES, file_kind, not_word, read_agenda_bytes, refusal
from referent.importing.word.package import MAX_XML_BYTES
from referent.problems import MeetingFileError, Problem

if TYPE_CHECKING:
    from referent.importing.word.reader import WordAgenda, parse_word_agenda

__all__ = ["MAX_FILE_BYTES", "MAX_XML_BYTES", "WordAgenda", "parse_word_agenda", "read_word_agenda"]


def read_word_agenda(path: Path) -> WordAgenda:
    """The agenda in the .docx at ``path``; raises ``MeetingFileError`` for a file it cannot read."""
    data = read_agenda_bytes(Path(path))
    kind = file_kind(data)
    reason = refusal(kind, data)
    if reason is None and kind != "zip":
        reason = not_word(data)
    if reason is not None:
        raise MeetingFileError(str(path), [Problem(None, reason)])
    from referent.importing.word.reader import parse_word_agenda

    return parse_word_agenda(data, str(path), Path(path).stem)


def __getattr__(name: str) -> Any:
    """The reader (and its hundred patterns) is imported when it is used, not with the package:
    the reading round opens a .docx with ``package`` alone."""
    if name in ("WordAgenda", "parse_word_agenda"):
        from referent.importing.word import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
