"""Find the line a TOML key stands on, so validation messages can say ``FILE:LINE:``.

``tomllib`` returns plain dicts without positions. This scanner walks the source once,
following table headers, arrays of tables and multi-line strings and arrays, and records
the line of every key path such as ``("items", 2, "start")``. It never decides whether
the file is valid: ``tomllib`` does that first.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
)


def _split_key(dotted: str) -> list[str]:
    parts = re.findall(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+)", dotted)
    return [a or b or c for a, b, c in parts]


class _Scanner:
    """Tracks strings and brackets that continue over line ends."""

    def __init__(self) -> None:
        self.in_multiline: str | None = None  # '"""' or "'''"
        self.depth = 0  # open [ and { of a value
        self.deepest = 0  # the most [ and { ever open at once

    def inside_value(self) -> bool:
        return self.in_multiline is not None or self.depth > 0

    def feed(self, line: str, start: int) -> None:
        """Consume ``line`` from ``start``, updating the state at the line's end."""
        i, n = start, len(line)
        while i < n:
            if self.in_multiline:
                end = line.find(self.in_multiline, i)
                if end < 0:
                    return
                if self.in_multiline == '"""':
                    # an escaped quote does not close the string
                    backslashes = len(line[:end]) - len(line[:end].rstrip("\\"))
                    if backslashes % 2:
                        i = end + 1
                        continue
                i = end + 3
                while i < n and line[i] == self.in_multiline[0]:
                    i += 1  # up to two quotes may stand right before the closing ones
                self.in_multiline = None
                continue
            char = line[i]
            if char == "#":
                return
            if line.startswith('"""', i) or line.startswith("'''", i):
                self.in_multiline = line[i : i + 3]
                i += 3
                continue
            if char == '"':
                i += 1
                while i < n and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
                i += 1
                continue
            if char == "'":
                end = line.find("'", i + 1)
                i = n if end < 0 else end + 1
                continue
            if char in "[{":
                self.depth += 1
                self.deepest = max(self.deepest, self.depth)
            elif char in "]}":
                self.depth = max(0, self.depth - 1)
            i += 1


def key_lines(source: str) -> dict[Path, int]:
    """Map every table and key path in ``source`` to its 1-based line number."""
    lines: dict[Path, int] = {}
    counters: dict[Path, int] = {}
    table: Path = ()
    scanner = _Scanner()
    # TOML breaks lines at \n only; str.splitlines would also break at U+2028 inside a string.
    for number, line in enumerate(source.split("\n"), start=1):
        line = line.removesuffix("\r")
        if scanner.inside_value():
            scanner.feed(line, 0)
            continue
        header = _HEADER.match(line)
        if header:
            is_array = header[1] == "[["
            table = _resolve_table(_split_key(header[2]), is_array, table, counters)
            lines.setdefault(table, number)
            if is_array:
                lines.setdefault(table[:-1], number)  # the array itself: where it first appears
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault(table + tuple(_split_key(key[1])), number)
            scanner.feed(line, key.end())
    return lines


def deepest_nesting(source: str) -> tuple[int, int]:
    """(line, depth) where lists and inline tables are nested deepest, for a file too deep
    for ``tomllib``; counted outside strings and comments, like ``key_lines``."""
    scanner = _Scanner()
    line_number, depth = 1, 0
    for number, line in enumerate(source.split("\n"), start=1):
        scanner.feed(line, 0)
        if scanner.deepest > depth:
            line_number, depth = number, scanner.deepest
    return line_number, depth


def _resolve_table(names: list[str], is_array: bool, current: Path, counters: dict[Path, int]) -> Path:
    """Turn ``[[items.actions]]`` into ``("items", 3, "actions", 0)``."""
    path: Path = ()
    for position, name in enumerate(names):
        path = (*path, name)
        last = position == len(names) - 1
        if last and is_array:
            index = counters.get(path, -1) + 1
            counters[path] = index  # the parent's index is in ``path``: children restart
            path = (*path, index)
        elif path in counters:
            path = (*path, counters[path])
    return path


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path``, or of its nearest ancestor that stands in the file."""
    for length in range(len(path), 0, -1):
        found = lines.get(path[:length])
        if found is not None:
            return found
    return None
