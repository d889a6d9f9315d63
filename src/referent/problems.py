"""What is wrong with a file a person wrote: ``FILE:LINE: message``, shared by every reader.

Meeting files, Word agendas, house styles and settings all report problems the same way,
so a secretary reads one kind of message whatever file she got wrong.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from referent.i18n import said, t


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file; ``line`` is None when it concerns the whole file.

    A Word document has no lines a secretary can go to, so its problems name a paragraph
    instead: ``paragraph`` is the 1-based ¶ number (see ``referent.importing.word``) and is
    rendered ``AGENDA.docx:¶57: …``.
    """

    line: int | None
    message: str
    paragraph: int | None = None
    where: str = ""
    """For a paragraph in a table: ``table 2, row 3, column 1``, which Word shows (the ¶ number
    counts the paragraphs in tables too, which is hard to follow in Word)."""

    def render(self, filename: str) -> str:
        """``FILE:LINE: message``, with invisible characters shown (``<U+202E>``): a quoted
        key or value must not turn the line around on the terminal."""
        from referent.textclean import visible

        filename, message = visible(filename), visible(said(self.message))
        if self.paragraph:
            where = t(" ({where})", where=self.where) if self.where else ""
            return f"{filename}:¶{self.paragraph}{where}: {message}"
        return f"{filename}:{self.line}: {message}" if self.line else f"{filename}: {message}"


class MeetingFileError(Exception):
    """A meeting file that cannot be read; carries every problem found."""

    def __init__(self, filename: str, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.render(filename) for p in problems))
        self.filename = filename
        self.problems = problems


@dataclass(frozen=True)
class MeetingChoice:
    """One meeting of a file that holds several: its number (1-based), date and first item."""

    number: int
    date: str
    """As the document writes it, or empty."""
    title: str
    first_item: str

    def describe(self) -> str:
        """``5.9.2023 – Bestyrelsesmøde (first item: Velkommen)``, in the user's language."""
        text = f"{self.date or t('no date')} – {self.title}"
        return text + (" " + t("(first item: {title})", title=self.first_item) if self.first_item else "")


class SeveralMeetings(MeetingFileError):
    """A file that holds several meetings, read without saying which one (``--meeting N``)."""

    def __init__(self, filename: str, choices: list[MeetingChoice]) -> None:
        lines = [f"  {c.number}. {c.describe()}" for c in choices]
        message = t("this file holds {count} meetings; choose one with --meeting N:", count=len(choices))
        super().__init__(filename, [Problem(None, "\n".join([message, *lines]))])
        self.choices = choices


class FileProblem(Exception):
    """A file that is not readable TOML text at all; each reader wraps ``problem`` in its own error."""

    def __init__(self, problem: Problem, missing: bool = False) -> None:
        super().__init__(problem.message)
        self.problem = problem
        self.missing = missing
        """The file does not exist (settings then fall back to the defaults)."""


def load_toml(source: str) -> dict[str, Any]:
    """``tomllib.loads``, every failure a ``FileProblem`` with its line, never a traceback."""
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise FileProblem(toml_problem(error, source)) from None
    except RecursionError:  # ~500 levels of [[[[ or {a={a=: tomllib parses values recursively
        from referent.meetingfile.tomlpos import deepest_nesting

        line, depth = deepest_nesting(source)
        raise FileProblem(
            Problem(line, t("lists or tables nested {depth} levels deep: too deep to read", depth=depth))
        ) from None


def toml_problem(error: tomllib.TOMLDecodeError, source: str) -> Problem:
    """A TOML syntax error as a ``Problem`` with its line (meeting files, styles, settings)."""
    # an error at the very end (an unclosed """) has no line: it is on the last one
    line = getattr(error, "lineno", None) or _line_from_message(str(error)) or source.count("\n") + 1
    message = getattr(error, "msg", None) or str(error).split(" (at ")[0]
    return Problem(line, t("not valid TOML: {message}", message=message))


def _line_from_message(message: str) -> int | None:
    # Python < 3.14 only puts the position in the message: "... (at line 3, column 9)"
    marker = "(at line "
    if marker not in message:
        return None
    return int(message.split(marker)[1].split(",")[0].rstrip(")"))


def unknown_key(key: str, known: list[str], where: str, form: str = "unknown key '{}' in {}") -> str:
    """``unknown key 'titel' in [items]; did you mean 'title'?``: shared by every file we read."""
    message = t(form).format(key, where)  # (the forms are in the catalogue)
    import difflib  # only when a key is wrong

    close = difflib.get_close_matches(key, known, n=1)
    return t("{message}; did you mean '{close}'?", message=message, close=close[0]) if close else message
