"""Where referent keeps its files; every path is computed here, at call time.

Computed in functions (not module constants) so that ``--db``, ``REFERENT_DB``,
``REFERENT_CONFIG`` and ``REFERENT_LOCKS`` set by a user or a test are always honoured.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs import PlatformDirs

APP_NAME = "referent"


def _dirs() -> PlatformDirs:
    from platformdirs import PlatformDirs  # imported here: only needed on the default paths

    return PlatformDirs(APP_NAME, appauthor=False)


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The drafts database: ``--db`` first, then ``REFERENT_DB``, then the user data dir."""
    if override:
        return Path(override).expanduser()
    if os.environ.get("REFERENT_DB"):
        return Path(os.environ["REFERENT_DB"]).expanduser()
    return Path(_dirs().user_data_dir) / "referent.db"


def config_path() -> Path:
    """The user's settings file: ``REFERENT_CONFIG``, then the user config dir."""
    if os.environ.get("REFERENT_CONFIG"):
        return Path(os.environ["REFERENT_CONFIG"]).expanduser()
    return Path(_dirs().user_config_dir) / "config.toml"


def lock_folder() -> Path:
    """Where the locks of every database are kept (``referent.lock``): ``REFERENT_LOCKS``, then
    the user state dir. One folder for the user, not one beside each database: a database's
    locks are found by the file's identity, whatever name (a hard link) or folder it is reached by."""
    if os.environ.get("REFERENT_LOCKS"):
        return Path(os.environ["REFERENT_LOCKS"]).expanduser()
    return Path(_dirs().user_state_dir) / "locks"


def typed_path(text: str) -> Path:
    """The file a person typed, pasted or dropped into a terminal, as a path.

    Dropping a file types it the way the terminal's shell would read it: in quotes
    (``'/home/x/Dagsorden 26. august 2022.docx'`` in GNOME Terminal and Konsole, double quotes
    in Windows Terminal), with backslash escapes (``Dagsorden\\ 26.\\ august…`` in macOS
    Terminal and iTerm2) or as a ``file://`` URI (some terminals and file managers). A
    path that exists as typed is taken as it is (a name may hold quotes or backslashes);
    otherwise the first reading that names an existing file, else the first reading."""
    text = text.strip()
    readings = [text, *_unquoted(text)]
    paths = [Path(reading).expanduser() for reading in readings if reading]
    for path in paths:
        if path.exists():
            return path
    return paths[1] if len(paths) > 1 else Path(text).expanduser()


def _unquoted(text: str) -> list[str]:
    """What ``text`` may stand for once a terminal's quoting is taken off, most likely first."""
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    readings = []
    if text[:1] in "'\"" and len(text) > 1 and text[-1] == text[0] and text[0] not in text[1:-1]:
        readings.append(text[1:-1])  # quoted whole, nothing to unescape inside (Windows: "C:\x y")
    if text.lower().startswith("file:"):
        parts = urlsplit(text)
        if parts.netloc in ("", "localhost"):
            readings.append(url2pathname(parts.path) if os.name == "nt" else unquote(parts.path))
    try:
        words = shlex.split(text)  # 'a b', "a b", a\ b: as a POSIX shell reads them
    except ValueError:  # an unmatched quote: the name holds one
        words = []
    if len(words) == 1:
        readings.append(words[0])
    return [reading for reading in dict.fromkeys(readings) if reading != text]


_PLAIN = re.compile(r"[\w@%+=:,./-]+", re.ASCII)
"""What a shell takes as one word without quotes (shlex's own test)."""
_DOUBLE_QUOTE_SPECIAL = set('$`\\"!')
"""Characters a POSIX shell still reads inside double quotes (``!``: bash's history)."""


def shell_word(path: str | Path) -> str:
    """``path`` as one word of a shell command: as it is when plain, else in double quotes
    (they read naturally and work in every shell, cmd.exe and PowerShell included), else
    (a ``$``, a backquote, a backslash, a ``"`` or a ``!`` in it) in shlex's single quotes."""
    text = str(path)
    if _PLAIN.fullmatch(text):
        return text
    if os.name == "nt" or not _DOUBLE_QUOTE_SPECIAL & set(text):
        return f'"{text}"'
    return shlex.quote(text)
