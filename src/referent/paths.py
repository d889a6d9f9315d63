"""Where referent keeps its files; every path is computed here, at call time.

Computed in functions (not module constants) so that ``--db``, ``REFERENT_DB`` and
``REFERENT_CONFIG`` set by a user or a test are always honoured.
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
