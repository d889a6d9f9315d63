"""The screen's words: the one catalogue and language of ``referent.i18n``, shared with the
command line. New strings go into ``referent.i18n.DANISH``."""

from __future__ import annotations

from referent.i18n import DANISH, language, no_key, set_language, t, tn, yes_key

__all__ = ["DANISH", "language", "no_key", "set_language", "t", "tn", "yes_key"]
