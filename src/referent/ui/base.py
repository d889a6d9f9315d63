"""What every screen of referent shares: its keys named in the user's language, the
typed app, and F1 help for the keys of that very screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from referent.ui.i18n_bindings import translate_bindings

if TYPE_CHECKING:
    from referent.ui.app import ReferentApp


class ReferentScreen:
    """Mixin, first in the bases: ``class AttendanceScreen(ReferentScreen, Screen[None])``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(cast(Any, self))

    @property
    def referent(self) -> ReferentApp:
        return cast("ReferentApp", cast(Any, self).app)

    def action_help(self) -> None:
        from referent.ui.dialogs.help import HelpScreen

        self.referent.push_screen(HelpScreen(cast(Any, self)))
