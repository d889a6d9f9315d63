"""The UI layer stays thin: the core imports no Textual, and every word the UI shows is in Danish too."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from ui_helpers import SIZE, Case

from referent.model import ItemStatus, Outcome
from referent.ui.i18n import DANISH, set_language

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "referent"
UI = PACKAGE / "ui"


# --- the Danish catalogue --------------------------------------------------------------


def ui_sources(folder: Path = UI) -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(folder.rglob("*.py"))]


def calls(name: str, folder: Path = UI) -> list[tuple[Path, ast.Call]]:
    """Every call of a function called ``name`` in the UI package (or ``folder``)."""
    found = []
    for path, tree in ui_sources(folder):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if called == name:
                    found.append((path, node))
    return found


def test_the_catalogue_is_found() -> None:
    assert len(calls("t")) > 50
    assert len(calls("Binding")) > 30


def test_every_literal_passed_to_t_is_in_the_catalogue() -> None:
    """The screen's words, the command line's and the core's messages alike."""
    literals = {
        (str(path.relative_to(PACKAGE)), argument.value)
        for name, count in (("t", 1), ("tn", 2), ("phrase", 1))  # tn(one, many, count)
        for path, node in calls(name, PACKAGE)
        for argument in node.args[:count]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
    }
    assert len(literals) > 50
    assert {"cli/__init__.py", "cli/drafts.py", "cli/documents.py", "importing/__init__.py"} <= {
        name for name, _ in literals
    }
    assert sorted(f"{name}: {text!r}" for name, text in literals if text not in DANISH) == []


def test_messages_kept_in_constants_are_in_the_catalogue() -> None:
    """What is translated where it is used (``t(NOT_WORD)``), not where it is written."""
    import inspect

    from referent.importing.sniff import _SAVE_AS, NOT_WORD
    from referent.importing.word.package import _DAMAGED, _OTHER_ZIPS, _UNPACK, ZIP_ARCHIVE
    from referent.problems import unknown_key

    forms = [call.args[3].value for _, call in calls("unknown_key", PACKAGE) if len(call.args) > 3]  # type: ignore[attr-defined]
    default = inspect.signature(unknown_key).parameters["form"].default
    assert len(forms) >= 3
    word = (_DAMAGED, _UNPACK, ZIP_ARCHIVE, *_OTHER_ZIPS.values())
    assert [text for text in (NOT_WORD, _SAVE_AS, default, *forms, *word) if text not in DANISH] == []


def test_the_item_menu_and_the_attendance_marks_are_in_the_catalogue() -> None:
    from referent.ui.screens.attendance import MARKS
    from referent.ui.screens.minutes_menu import ENTRIES

    labels = [entry.label for entry in ENTRIES] + [label for label, _ in MARKS.values() if label != "?"]
    assert [label for label in labels if label not in DANISH] == []


def test_enum_values_shown_through_t_are_in_the_catalogue() -> None:
    # widgets.py and outcomes.py show t(outcome.value) and t(item.status.value).
    assert [value for value in [*Outcome, *ItemStatus] if value.value not in DANISH] == []


def test_translations_keep_their_placeholders() -> None:
    def fields(text: str) -> list[str]:  # {name}, {} (unknown_key's forms), argparse's %(name)s, %s, %r
        return sorted(re.findall(r"{(\w*)}", text)) + re.findall(r"%(?:\(\w+\))?[sr]", text)

    assert [key for key, danish in DANISH.items() if fields(key) != fields(danish)] == []


def test_every_binding_description_is_in_the_catalogue() -> None:
    """Binding(...) and the minutes screen's _binding(...) helper, which passes its own
    parameters on (checked where the helper is called)."""
    missing = []
    for path, node in calls("Binding") + calls("_binding"):
        texts = [node.args[2]] if len(node.args) > 2 else []
        texts += [keyword.value for keyword in node.keywords if keyword.arg in ("description", "tooltip")]
        for text in texts:
            if isinstance(text, ast.Name):  # inside the helper: its parameter
                continue
            if not (isinstance(text, ast.Constant) and (text.value in DANISH or text.value == "")):
                missing.append(f"{path.name}: {ast.unparse(text)}")
    assert missing == []


@pytest.mark.parametrize(
    "keys",
    [[], ["f2"], ["ctrl+r"], ["f9"], ["f4"], ["f8"], ["ctrl+r", "h", "enter"], ["f1"]],
    ids=["minutes", "attendance", "review", "actions", "outcomes", "item menu", "history", "help"],
)
async def test_danish_screens_show_no_english_binding_names(tmp_path: Path, keys: list[str]) -> None:
    """What F1 lists (and the footer shows) on every screen and dialog, in Danish: descriptions
    and the longer tooltips F1 prefers."""
    case = Case(tmp_path)
    case.settings('language = "da"\n')
    try:
        app = case.app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+down", *keys)  # item 2 has recommendation points
            danish = set(DANISH.values())
            english = sorted(
                {
                    text
                    for active in app.active_bindings.values()
                    # what F1 lists: the editor's own bindings and Textual's focus keys are hidden
                    if active.node in (app, app.screen) and not active.binding.action.startswith("app.focus")
                    for text in (active.binding.description, active.binding.tooltip)
                    if text and text not in danish
                }
            )
            assert english == []
    finally:
        case.close()
        set_language("en")


def test_binding_ids_name_their_screen_and_old_ids_lead_to_existing_ones() -> None:
    """Remapping a key on one screen must not remap another's: no id is shared; every id
    begins with its screen's name; each id a settings file may still use leads to one."""
    from referent.ui.dialogs.actions import ActionsDialog
    from referent.ui.dialogs.choice import ChoiceDialog
    from referent.ui.dialogs.conflicts import ConflictDialog
    from referent.ui.dialogs.form import FormDialog
    from referent.ui.dialogs.help import HelpDialog
    from referent.ui.dialogs.history import HistoryDialog
    from referent.ui.dialogs.outcomes import OutcomeDialog
    from referent.ui.keys import RENAMED_IDS
    from referent.ui.screens.attendance import AttendanceScreen
    from referent.ui.screens.minutes import MinutesScreen
    from referent.ui.screens.review import ReviewScreen

    prefixes = {
        MinutesScreen: "minutes_",
        AttendanceScreen: "attendance_",
        ReviewScreen: "review_",
        HistoryDialog: "history_",
        ActionsDialog: "actions_",
        ConflictDialog: "conflicts_",
        OutcomeDialog: "outcomes_",
        HelpDialog: "help_",
        FormDialog: "form_",
        ChoiceDialog: "choice_",
    }
    ids = [binding.id for screen in prefixes for binding in screen.BINDINGS]
    assert len(ids) == len(set(ids))
    assert [
        binding.id
        for screen, prefix in prefixes.items()
        for binding in screen.BINDINGS
        if not (binding.id or "").startswith(prefix)
    ] == []
    assert sorted(set(RENAMED_IDS.values()) - set(ids)) == []
