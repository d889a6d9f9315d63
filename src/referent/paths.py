"""Where referent keeps its files; every path is computed here, at call time.

Computed in functions (not module constants) so that ``--db``, ``REFERENT_DB``,
``REFERENT_CONFIG`` and ``REFERENT_LOCKS`` set by a user or a test are always honoured.
"""

from __future__ import annotations

import os
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
