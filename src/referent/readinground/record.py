"""Which meeting and version a reading copy was made for, as its properties record it.

The record is the document's ``dc:identifier`` (``export.naming.identity``): Word and
LibreOffice both keep it when they save. A reading copy's record ends in ``for-review`` and,
when it was made from the database, ``copy N``: the text as it was sent is kept there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
