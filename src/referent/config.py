"""The user's settings: language, standard phrases and key remapping, from one TOML file.

A council changes its standard phrases by editing ``config.toml`` in the user config
folder (``referent config`` prints where). Every setting has a default, so the file is
optional; a broken file is reported with its line and never stops the app from starting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from referent.i18n import choose_language, t
from referent.meetingfile.tomlpos import key_lines, line_of
from referent.problems import FileProblem, Problem, load_toml

if TYPE_CHECKING:
    from referent.model import Meeting

DEFAULT_PHRASES = (
    "Indstillingen blev godkendt.",
    "Orienteringen blev taget til efterretning.",
    "Ingen bemærkninger.",
    "Punktet blev drøftet.",
    "Punktet blev udsat.",
    "Indstillingen blev godkendt med følgende bemærkninger:",
    "Punktet blev trukket.",
)

EXAMPLE = """\
# referent settings. Every line is optional.

# "da" or "en"; without it, the language follows the system's locale, and where the
# locale names no language (C, POSIX) the meeting's own: Danish for a Danish agenda.
# language = "da"

# Standard phrases: the first nine are inserted at the cursor with Alt+G, Alt+E, Alt+I,
# Alt+D, Alt+U, Alt+M, Alt+T, Alt+K, Alt+L (remap them below as minutes_phrase_1 … minutes_phrase_9),
# and F5 lists them all. Without this setting the built-in ones below are used; to change
# them, remove the "# " before these lines and edit the list (it replaces the built-in one).
# phrases = [
PHRASES# ]

# Remap keys by binding id (see F1 in the app): id = "key[,key...]"
[keys]
# minutes_next_item = "ctrl+n,ctrl+down"

# The house style of each body's documents (a meeting file's own `style` comes first):
# a built-in style ("default", "nord") or a style file, relative to this folder.
[styles]
# "Praksisplanudvalget" = "nord"
# "Direktørforum" = "direktoerforum.toml"
""".replace("PHRASES", "".join(f'#     "{phrase}",\n' for phrase in DEFAULT_PHRASES))
"""Commented out, so that the file ``referent config --init`` writes changes nothing until it is
edited: an active list would replace the built-in phrases (it once left out two of them)."""


@dataclass
class Settings:
    """What the config file can set; the defaults are what a Danish council expects."""

    language: str = ""
    """``da`` or ``en``; empty follows the locale, then the meeting (see ``effective_language``)."""
    phrases: list[str] = field(default_factory=lambda: list(DEFAULT_PHRASES))
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id → keys, passed to Textual's ``set_keymap``."""
    styles: dict[str, str] = field(default_factory=dict)
    """A meeting's body → its house style: a built-in name, or a style file's absolute path
    (written relative to the settings file, resolved when read)."""
    problems: list[Problem] = field(default_factory=list)
    """What was wrong with the file; shown in the app, the defaults used instead."""

    def effective_language(self, meeting: Meeting | None = None) -> str:
        """The setting; else the locale, when it names a language; else the meeting's own
        language; else Danish (referent is made for Danish councils: without a meeting, as in
        the picker or ``referent list``, nothing says the user reads English)."""
        return choose_language(self.language, meeting)


def _style_path(spec: str, folder: Path) -> str:
    """A style file named relative to the settings file, made absolute; built-in names kept."""
    if not spec.lower().endswith(".toml"):
        return spec
    path = Path(spec).expanduser()
    return str(path if path.is_absolute() else folder / path)


def load_settings(path: Path) -> Settings:
    """Read the settings file; a missing file gives the defaults, a bad one is reported."""
    from referent.fileio import read_user_file

    try:  # only an ordinary UTF-8 file of sane size: never /dev/zero or a FIFO
        source = read_user_file(path, t("settings file"))
        data = load_toml(source)
    except FileProblem as error:
        return Settings() if error.missing else Settings(problems=[error.problem])
    lines = key_lines(source)
    settings = Settings()
    problems: list[Problem] = []

    def problem(key: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(line_of(lines, key), message))

    for key, value in data.items():
        if key == "language":
            if value in ("da", "en"):
                settings.language = value
            else:
                problem((key,), t('\'language\' must be "da" or "en"'))
        elif key == "phrases":
            if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
                settings.phrases = list(value)
            else:
                problem((key,), t("'phrases' must be a list of texts"))
        elif key == "styles":
            if isinstance(value, dict) and all(isinstance(v, str) and v.strip() for v in value.values()):
                settings.styles = {
                    " ".join(body.split()): _style_path(spec.strip(), path.parent)
                    for body, spec in value.items()
                }
            else:
                problem((key,), t('[styles] must map bodies to styles, like "Direktørforum" = "nord"'))
        elif key == "keys":
            if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
                settings.keys = dict(value)
            else:
                problem((key,), t('[keys] must map binding ids to keys, like next_item = "ctrl+n"'))
        else:
            problem((key,), t("unknown setting '{key}'", key=key))
    settings.problems = problems
    return settings
