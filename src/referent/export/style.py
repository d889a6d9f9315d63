"""House styles: the wording and look of a council's documents, read from a small TOML file.

Councils differ in labels, numbering, how absences are shown and fonts, never in what a
meeting is. So all of that lives in a style file a secretary can edit (documented in
docs/house-style.md). A style file names only what it changes: it is laid over the
built-in ``default`` (or the built-in it ``extends``). Mistakes are reported as
``FILE:LINE: message``, like meeting files.
"""

from __future__ import annotations

import string
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, get_type_hints

from referent.fileio import read_user_file
from referent.i18n import t
from referent.meetingfile.tomlpos import key_lines, line_of
from referent.model import ItemPart
from referent.problems import FileProblem, Problem, load_toml, unknown_key

BUILT_IN = ("default", "nord")
STYLES_DIR = Path(__file__).parent / "styles"
HEADER_FIELDS = (
    "title", "when", "date", "time", "started", "ended", "location", "chair",
    "participants", "absent", "guests", "secretary",
)  # fmt: skip


# Named tuples: a built-in style is cached and shared, so it cannot change; and the nine
# classes are made at every start of a command that exports, where frozen dataclasses (code
# generated and compiled for every method) took 3.4 ms against 0.5.
class DocumentStyle(NamedTuple):
    minutes: str
    agenda: str
    draft: str
    review: str
    page_numbers: str
    template: str


class HeaderStyle(NamedTuple):
    layout: str
    """``table`` (label | value) or ``lines`` (``Mødedato: …`` and a ``Deltagere`` heading)."""
    opening: list[str]
    rows: list[str]
    agenda_rows: list[str]
    show_empty: list[str]
    weekday: bool
    day_word: str
    year: bool
    before_time: str
    time_separator: str
    time_dash: str


class Labels(NamedTuple):
    title: str
    when: str
    date: str
    time: str
    started: str
    ended: str
    location: str
    chair: str
    participants: str
    absent: str
    guests: str
    secretary: str
    guests_group: str
    presenter: str
    recommendation: str
    recommendation_short: str
    attachments: str
    minutes: str
    actions: str
    actions_summary: str
    closed: str
    next_meeting: str
    remark: str


class ParticipantStyle(NamedTuple):
    absences: str
    absent_marker: str
    absent_with_role: bool
    remote_marker: str
    substitute: str
    arrived: str
    left: str
    guests: str


class ItemStyle(NamedTuple):
    numbering: str
    order: list[str]
    fixed_order: bool
    """Every item in ``order``; else each item in its agenda's order (``Item.parts``)."""
    recommendation_list: str
    attachment_list: str
    time_slots: bool
    presenters: bool
    conflict: str
    outcome: str
    postponed: str
    withdrawn: str
    action_who: str
    action_due: str
    correction: str


class Outcomes(NamedTuple):
    approved: str
    noted: str
    discussed: str
    postponed: str
    rejected: str


class ClosingStyle(NamedTuple):
    actions_summary: bool
    next_meeting: bool
    lines: list[str]
    approval: str


class Fonts(NamedTuple):
    """``None`` leaves the Word template's own choice alone."""

    body: str | None
    size: float | None
    heading_size: float | None
    small_size: float | None


class HouseStyle(NamedTuple):
    """Everything about a council's documents that is not the meeting itself."""

    name: str
    document: DocumentStyle
    header: HeaderStyle
    labels: Labels
    participants: ParticipantStyle
    items: ItemStyle
    outcomes: Outcomes
    closing: ClosingStyle
    fonts: Fonts
    template: Path | None = None
    """The council's Word template, resolved against the style file's folder."""


SECTIONS: dict[str, type[Any]] = {
    "document": DocumentStyle, "header": HeaderStyle, "labels": Labels,
    "participants": ParticipantStyle, "items": ItemStyle, "outcomes": Outcomes,
    "closing": ClosingStyle, "fonts": Fonts,
}  # fmt: skip
PLACEHOLDERS: dict[tuple[str, str], set[str]] = {
    ("header", "opening"): {"document", "title", "body", "date"},
    ("document", "page_numbers"): {"page", "pages"},
    ("participants", "substitute"): {"substitute", "name"},
    ("participants", "arrived"): {"item"},
    ("participants", "left"): {"item"},
    ("items", "conflict"): {"name"},
    ("items", "outcome"): {"point", "outcome"},
    ("items", "action_who"): {"who"},
    ("items", "action_due"): {"due"},
    ("closing", "lines"): {"chair", "secretary", "date"},
    ("closing", "approval"): {"by", "date"},
    ("labels", "remark"): {"who"},
    ("items", "correction"): {"date", "reason"},
}
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("header", "layout"): ("table", "lines"),
    ("header", "time_separator"): (".", ":"),
    ("participants", "absences"): ("list", "inline", "both"),
    ("participants", "guests"): ("row", "group"),
    ("items", "numbering"): ("1.", "1)"),
    ("items", "recommendation_list"): ("numbers", "letters", "bullets"),
    ("items", "attachment_list"): ("bullets", "numbers", "inline"),
}
ITEM_PARTS = tuple(part.value for part in ItemPart)
"""What ``[items] order`` arranges under an item's heading and presenter line."""


def item_order(style: ItemStyle, own: list[ItemPart]) -> tuple[str, ...]:
    """The parts of an item in the order they are printed: the item's own (its agenda's) unless
    the style fixes one order. A part the item does not place goes before the first of its
    placed parts that the style's order puts after it, else at the end: so the minutes, last
    in the built-in styles, stay last under an agenda that never had them."""
    if style.fixed_order or not own:
        return tuple(style.order)
    order = [part.value for part in dict.fromkeys(own)]
    for index, part in enumerate(style.order):
        if part not in order:
            later = [order.index(p) for p in style.order[index + 1 :] if p in order]
            order.insert(min(later, default=len(order)), part)
    return tuple(order)


class StyleError(Exception):
    """A house style that cannot be used; carries every problem found."""

    def __init__(self, filename: str, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.render(filename) for p in problems))
        self.filename = filename
        self.problems = problems


def load_style(spec: str | Path | None = None) -> HouseStyle:
    """A built-in style by name (``default``, ``nord``) or a style file by path."""
    spec = spec or "default"
    if isinstance(spec, str) and spec in BUILT_IN and not Path(spec).is_file():
        return _built_in(spec)
    path = Path(spec)
    try:  # only an ordinary UTF-8 file of sane size: never /dev/zero or a FIFO
        source = read_user_file(path, t("style file"))
    except FileProblem as error:
        hint = f"; the built-in styles are {', '.join(BUILT_IN)}" if path.suffix != ".toml" else ""
        problem = Problem(None, f"no such style file{hint}") if error.missing else error.problem
        raise StyleError(str(path), [problem]) from None
    return parse_style(source, str(path), base_dir=path.parent)


@cache
def _built_in(name: str) -> HouseStyle:
    return parse_style(_built_in_source(name), f"{name}.toml", name=name)


@cache
def _default_data() -> dict[str, Any]:
    return tomllib.loads(_built_in_source("default"))


def _built_in_source(name: str) -> str:
    return (STYLES_DIR / f"{name}.toml").read_text(encoding="utf-8")


def parse_style(source: str, filename: str, *, base_dir: Path | None = None, name: str = "") -> HouseStyle:
    """Read style-file text laid over its base; raise ``StyleError`` with every problem."""
    try:
        data = load_toml(source)
    except FileProblem as error:
        raise StyleError(filename, [error.problem]) from None
    checker = _Checker(key_lines(source))
    base = _default_data()
    extends = data.pop("extends", "default")
    if extends not in BUILT_IN:
        checker.problem(("extends",), f"'extends' must name a built-in style: {', '.join(BUILT_IN)}")
    elif extends != "default" and extends != name:
        base = _merge(base, tomllib.loads(_built_in_source(extends)))
    merged = _merge(base, checker.known(data))
    template = _template(merged["document"]["template"], base_dir, checker)
    if template is not None:
        own_fonts = data.get("fonts", {}) if isinstance(data.get("fonts"), dict) else {}
        merged["fonts"] = {key: own_fonts.get(key) for key in merged["fonts"]}
    merged["fonts"] = {k: float(v) if isinstance(v, int) else v for k, v in merged["fonts"].items()}
    checker.check_values(merged)
    if checker.problems:
        raise StyleError(filename, sorted(checker.problems, key=lambda p: p.line or 0))
    parts = {section: kind(**merged[section]) for section, kind in SECTIONS.items()}
    return HouseStyle(name=name or Path(filename).stem, template=template, **parts)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    return {section: {**values, **override.get(section, {})} for section, values in base.items()}


def _template(value: str, base_dir: Path | None, checker: _Checker) -> Path | None:
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if path.suffix.lower() not in (".docx", ".dotx"):
        checker.problem(("document", "template"), "'template' must be a Word file ending in .docx or .dotx")
    elif not path.is_file():
        checker.problem(("document", "template"), f"the template {path} does not exist")
    return path


class _Checker:
    """Collects problems with their lines instead of stopping at the first."""

    def __init__(self, lines: dict[tuple[str | int, ...], int]) -> None:
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, path: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(line_of(self.lines, path) or 1, message))

    def known(self, data: dict[str, Any]) -> dict[str, Any]:
        """The sections and keys this version knows, each of the right kind."""
        result: dict[str, Any] = {}
        for section, values in data.items():
            if section not in SECTIONS:
                self.problem(
                    (section,), unknown_key(section, [*SECTIONS, "extends"], "", "unknown section [{}]{}")
                )
                continue
            if not isinstance(values, dict):
                self.problem((section,), f"'{section}' must be a table: [{section}]")
                continue
            hints = get_type_hints(SECTIONS[section])
            allowed = list(SECTIONS[section]._fields)
            result[section] = {}
            for key, value in values.items():
                if key not in allowed:
                    self.problem((section, key), unknown_key(key, allowed, f"[{section}]"))
                elif (error := _kind_error(value, hints[key])) is not None:
                    self.problem((section, key), f"'{key}' {error}")
                else:
                    result[section][key] = value
        return result

    def check_values(self, merged: dict[str, Any]) -> None:
        header = merged["header"]
        for key in ("rows", "agenda_rows", "show_empty"):
            for row in header[key]:
                if row not in HEADER_FIELDS:
                    self.problem(
                        ("header", key),
                        unknown_key(row, list(HEADER_FIELDS), "the header rows", "'{}' is not one of {}"),
                    )
        order = merged["items"]["order"]
        if sorted(order) != sorted(ITEM_PARTS):
            self.problem(("items", "order"), f"'order' must name each of {', '.join(ITEM_PARTS)} once")
        for (section, key), allowed in CHOICES.items():
            if merged[section][key] not in allowed:
                self.problem((section, key), f"'{key}' must be one of {', '.join(repr(a) for a in allowed)}")
        for (section, key), names in PLACEHOLDERS.items():
            value = merged[section][key]
            for text in value if isinstance(value, list) else [value]:
                used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
                if used - names:
                    wrong = ", ".join(f"{{{n}}}" for n in sorted(used - names))
                    known = ", ".join(f"{{{n}}}" for n in sorted(names))
                    self.problem((section, key), f"'{key}' uses {wrong}; it can use {known}")
        for key, value in merged["fonts"].items():
            if isinstance(value, float) and not 4 <= value <= 72:
                self.problem(("fonts", key), f"'{key}' must be a size in points between 4 and 72")


def is_style_source(source: str) -> bool:
    """Whether TOML text is a house style rather than a meeting file: no ``[meeting]`` table, and
    ``extends`` or a style section written as a table (a meeting file's ``[[items]]`` is a list)."""
    try:
        data = load_toml(source)
    except FileProblem:
        return False
    if "meeting" in data:
        return False
    return "extends" in data or any(isinstance(data.get(section), dict) for section in SECTIONS)


def _kind_error(value: Any, hint: Any) -> str | None:
    if hint is bool:
        return None if isinstance(value, bool) else "must be true or false"
    if hint == list[str]:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else 'must be a list of texts: ["first", "second"]'
    if hint == float | None:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return None if ok else "must be a number of points, like 10.5"
    return None if isinstance(value, str) else "must be text in quotes"
