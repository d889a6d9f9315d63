"""Which meeting and version a reading copy was made for, as its properties record it.

The record is the document's ``dc:identifier`` (``export.naming.identity``): Word and
LibreOffice both keep it when they save. A reading copy's record ends in ``for-review`` and,
when it was made from the database, ``copy N``: the text as it was sent is kept there.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path


def meeting_key(database: Path, meeting_id: int) -> str:
    """A meeting's name in the documents it makes, without the database's path in them
    (``export.naming.identity``; here, so that finding a copy's meeting needs no export code)."""
    digest = hashlib.sha256(f"{database.resolve()}|{meeting_id}".encode()).hexdigest()[:16]
    return f"meeting {digest}"


PART_MARK = "_referent_"
"""How a reading copy's bookmarks begin: ``_referent_3_minutes`` (hidden in Word by the ``_``)."""


def part_name(number: int, part: str) -> str:
    """The bookmark around one part of item ``number`` in a reading copy (``export.word``)."""
    return f"{PART_MARK}{number}_{part}"


HEADER_MARK = f"{PART_MARK}header_"
"""How the bookmark around one row of the header block begins: ``_referent_header_absent``."""


def header_name(key: str) -> str:
    """The bookmark around the lines of the header block's row ``key`` (``participants``,
    ``absent``, ``location`` …) in a reading copy: the row is found by it, not by its label,
    after Word or LibreOffice saved the copy again."""
    return f"{HEADER_MARK}{key}"


_RECORD = re.compile(
    r"^referent (?P<key>(?:meeting|file) [0-9a-f]{16}) (?P<kind>minutes|agenda) "
    r"(?P<version>draft|approved \d+)(?P<flags>(?: public)?(?: for-review)?)(?: copy (?P<copy>\d+))?$"
)


@dataclass(frozen=True)
class CopyRecord:
    meeting_key: str
    """``meeting <digest>`` (a database's meeting) or ``file <digest>``."""
    kind: str
    approved: bool
    public: bool
    for_review: bool
    copy: int | None
    """The reading copy's number in the database (``reading_copies``), when it has one."""


def peek_record(data: bytes) -> CopyRecord | None:
    """The record of the .docx in ``data``, read from ``docProps/core.xml`` alone (bounded), or
    None: tells a reading copy from an agenda without reading the document."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("docProps/core.xml") as part:
            properties = part.read(_CORE_LIMIT).decode("utf-8", "replace")
    except Exception:  # not a zip, no such part, damaged: no record (the reader says what it is)
        return None
    found = _IDENTIFIER.search(properties)
    return parse_record(found[1]) if found else None


_CORE_LIMIT = 1024 * 1024
_IDENTIFIER = re.compile(r"<dc:identifier>([^<]*)</dc:identifier>")


def parse_record(identifier: str) -> CopyRecord | None:
    """The record in ``identifier``, or None when referent did not write it."""
    found = _RECORD.match(identifier.strip())
    if found is None:
        return None
    flags = found["flags"].split()
    return CopyRecord(
        meeting_key=found["key"],
        kind=found["kind"],
        approved=found["version"] != "draft",
        public="public" in flags,
        for_review="for-review" in flags,
        copy=int(found["copy"]) if found["copy"] else None,
    )
