"""The command line in the user's language: referent's words, argparse's, and paths quoted
so that a command printed for the user can be copied and run as it stands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from referent.i18n import choose_language, language_from_environment, set_language, t
from referent.paths import shell_word

if TYPE_CHECKING:
    from referent.model import Meeting


def speak(meeting: Meeting | Callable[[], Meeting] | None = None) -> None:
    """Speak the language the user chose (the setting, the locale), else the meeting's own;
    before a meeting is known, Danish. Called before parsing and again once a command has
    its meeting, so ``check`` of an English agenda answers in English on a C locale. A
    meeting still to be loaded (a function) is loaded only when its language is needed."""
    chosen = _setting() or language_from_environment()
    if not chosen and callable(meeting):
        meeting = meeting()
    set_language(choose_language(chosen, None if callable(meeting) else meeting))


def _setting() -> str:
    """The settings file's ``language``; the file is read (and TOML imported, ~10 ms) only
    when there is one: every command starts by asking."""
    from referent.paths import config_path

    path = config_path()
    if not path.is_file():
        return ""
    from referent.config import load_settings

    return load_settings(path).language


def translate_argparse() -> None:
    """Let argparse's own words (``usage:``, its headings and errors) follow the language.

    argparse looks every word it prints up through its module-level gettext alias ``_``
    at the moment it prints it; pointed at the catalogue, it says them in Danish."""
    setattr(argparse, "_", t)  # noqa: B010 (a module attribute the stubs do not declare)


def command(*words: str | Path) -> str:
    """``referent WORDS…`` with each word quoted for the shell as needed."""
    return " ".join(["referent", *(shell_word(word) for word in words)])
