"""Dialogs with a few text fields, each returning one typed answer (a number, an action item, …).

An answer that will not do (no item 9, no name, 25.61 as a time) is explained inside the
dialog, which stays open with everything typed so far: nothing the user wrote is lost.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import ClassVar, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from referent.danish import format_time, parse_time
from referent.model import ActionItem, Remark
from referent.textclean import clean_text
from referent.ui.dialogs.base import Dialog
from referent.ui.dialogs.drafts import Draft
from referent.ui.i18n import t
from referent.ui.typeahead import InOrderInput, WaitsForKeys, forward

AnswerT = TypeVar("AnswerT")


@dataclass(frozen=True)
class Field:
    """One text field: ``name`` is how the dialog reads it back."""

    name: str
    label: str
    value: str = ""
    placeholder: str = ""


class Invalid(Exception):
    """An answer that will not do: ``message`` is shown, field ``name`` gets the cursor."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


class FieldInput(InOrderInput):
    """A dialog's text field, for keys typed faster than the dialog follows. Enter is acted on
    at once, in the order typed (Textual acts on it once the key is back up at the app, after
    the keys typed behind it went into this field); a key this field is handed after the
    cursor left it (for the next field, or the screen beneath once answered) is handed on."""

    async def on_key(self, event: events.Key) -> None:
        dialog = self.screen
        if dialog.focused is not self or dialog is not self.app.screen:  # (has_focus lags behind)
            event.stop()
            event.prevent_default()  # not typed here
            forward(self.app, event)
        elif event.key == "enter" and isinstance(dialog, FormDialog):
            event.stop()
            event.prevent_default()  # (not Input's own Enter as well)
            dialog.enter(self)

    def on_paste(self, event: events.Paste) -> None:
        """Text of several lines pasted (a remark copied from an e-mail) goes in whole, its lines
        joined by spaces: Textual's field kept the first line and dropped the rest."""
        text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
        event.stop()
        event.prevent_default()
        if text:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)


class FormDialog(WaitsForKeys, Dialog[AnswerT]):
    """Enter moves to the next field and answers in the last one; Escape closes it and keeps
    what was typed, which is back when the same dialog opens again for the same thing."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form_cancel")]

    keeps_draft: ClassVar[bool] = True
    """False where the answer is a number or a time: typed again in a moment, and one brought
    back would be a wrong answer offered."""

    def __init__(
        self, title: str, fields: Sequence[Field], *, start: str = "", note: str = "", wide: bool = False
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.start = start or self.fields[0].name
        """The field the cursor starts in (the one the user most likely types in)."""
        self.note = note
        self.wide = wide
        self.answered: Draft | None = None
        """The fields as they were answered (see ``keep_answer``)."""

    @property
    def draft_key(self) -> Hashable:
        """What the dialog is about: the meeting, the kind of dialog, its title (which names the
        person or the item) and what it offered (an action item edited, or a new one)."""
        offered = tuple((field.name, field.value) for field in self.fields)
        return (self.referent.meeting_id, type(self).__qualname__, self.title_text, offered)

    def compose(self) -> ComposeResult:
        kept = self.referent.drafts.take(self.draft_key) if self.keeps_draft else None
        values = dict(kept.values) if kept else {}
        with Vertical(classes="dialog wide" if self.wide else "dialog"):
            yield Label(self.title_text, classes="dialog-title")
            for field in self.fields:
                yield Label(field.label)
                value = values.get(field.name, field.value)
                # words brought back are typed on, not replaced by the first key (as an offer is)
                yield FieldInput(
                    value=value,
                    placeholder=field.placeholder,
                    id=f"field-{field.name}",
                    select_on_focus=field.name not in values,
                )
            yield Static(id="form-error", classes="dialog-error")
            if kept:
                note = t("What you typed before is back: Enter answers, Esc keeps it again.")
                yield Static(note, id="form-draft", classes="dialog-note")
            if self.note:
                yield Static(self.note, classes="dialog-note")

    def on_mount(self) -> None:
        self.set_focus(self.input(self.start))
        self.referent.keys.ready(self.app, self)  # the keys typed meanwhile go into the field

    def input(self, name: str) -> Input:
        return self.query_one(f"#field-{name}", Input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.enter(event.input)

    def enter(self, field: Input) -> None:
        """Enter in ``field``: on to the next field, or the answer from the last one."""
        inputs = list(self.query(Input))
        position = inputs.index(field)
        if position < len(inputs) - 1:
            self.set_focus(inputs[position + 1])  # at once: the next key typed goes there
            return
        values = {field.name: clean_text(self.input(field.name).value).strip() for field in self.fields}
        try:
            answer = self.answer(values)
        except Invalid as invalid:
            self.query_one("#form-error", Static).update(invalid.message)
            wrong = self.input(invalid.name)
            self.set_focus(wrong)
            wrong.select_all()
            return
        self.answered = self.draft()  # (kept if the answer cannot be saved: ``keep_answer``)
        self.dismiss(answer)

    def answer(self, values: Mapping[str, str]) -> AnswerT:
        """The typed answer from the fields' values; raise ``Invalid`` when it will not do."""
        raise NotImplementedError

    def draft(self) -> Draft | None:
        """The fields as typed, when words were typed over what the dialog offered (a field
        only emptied loses nothing: what it offered is still recorded)."""
        if not self.keeps_draft or not self.is_mounted:
            return None
        values = tuple((field.name, self.input(field.name).value) for field in self.fields)
        typed = [value for (_, value), field in zip(values, self.fields, strict=True) if value != field.value]
        return Draft(self.title_text, values) if any(value.strip() for value in typed) else None

    def keep_draft(self) -> None:
        draft = self.draft()
        if draft is not None:
            self.referent.drafts.keep(self.draft_key, draft)
            self.notify(t("Kept what you typed: it is back when you open this again."))

    def keep_answer(self) -> None:
        if self.answered is not None:
            self.referent.drafts.keep(self.draft_key, self.answered)
            self.notify(t("Kept what you typed: it is back when you open this again."))


# --- one text -------------------------------------------------------------------------------


class TextDialog(FormDialog[str]):
    """One line of text; ``required`` is the message when it is left empty (else "" is an answer)."""

    def __init__(
        self, title: str, label: str, value: str = "", *, required: str = "", placeholder: str = ""
    ) -> None:
        super().__init__(title, [Field("text", label, value, placeholder)])
        self.required = required

    def answer(self, values: Mapping[str, str]) -> str:
        if self.required and not values["text"]:
            raise Invalid("text", self.required)
        return values["text"]


class TimeDialog(FormDialog[time]):
    """A time of day, written as the minutes write it (14.30; 14:30 is understood too)."""

    keeps_draft = False

    def __init__(self, title: str, label: str, default: time) -> None:
        super().__init__(title, [Field("time", label, format_time(default), "14.30")])

    def answer(self, values: Mapping[str, str]) -> time:
        try:
            return parse_time(values["time"])
        except ValueError:
            raise Invalid(
                "time", t("'{value}' is not a time of day: write it as 14.30.", value=values["time"])
            ) from None


# --- questions about an item ------------------------------------------------------------------


def item_index(text: str, count: int) -> int:
    """The one place an item number typed by the user is read: ``"3"`` is index 2."""
    if text.isdigit() and 1 <= int(text) <= count:
        return int(text) - 1
    if not text:
        raise ValueError(t("Type the number of an item, 1 to {count}.", count=count))
    raise ValueError(t("There is no item {number}.", number=text))


def item_field(current: int) -> Field:
    """The item number, offering the item in front of the user."""
    return Field("item", t("Item number"), str(current + 1))


class ItemDialog(FormDialog[int]):
    """Which item: answers its index."""

    keeps_draft = False

    def __init__(self, title: str, count: int, current: int, label: str = "") -> None:
        field = item_field(current)
        super().__init__(title, [Field(field.name, label or field.label, field.value)])
        self.count = count

    def on_mount(self) -> None:
        super().on_mount()
        self.input("item").select_all()  # a number typed replaces the one offered

    def answer(self, values: Mapping[str, str]) -> int:
        return read_item(values, self.count)


def read_item(values: Mapping[str, str], count: int) -> int:
    try:
        return item_index(values["item"], count)
    except ValueError as error:
        raise Invalid("item", str(error)) from None


@dataclass(frozen=True)
class ItemNote:
    """A text about item ``index`` (the chair's comment)."""

    index: int
    text: str


class ItemNoteDialog(FormDialog[ItemNote]):
    """The item (offered: the one in front of the user) and a text, typed where the cursor starts."""

    def __init__(self, title: str, label: str, count: int, current: int, *, required: str) -> None:
        super().__init__(title, [item_field(current), Field("text", label)], start="text", wide=True)
        self.count = count
        self.required = required

    def answer(self, values: Mapping[str, str]) -> ItemNote:
        index = read_item(values, self.count)
        if not values["text"]:
            raise Invalid("text", self.required)
        return ItemNote(index, values["text"])


@dataclass(frozen=True)
class ItemRemark:
    """A protocol remark on item ``index``."""

    index: int
    remark: Remark


class RemarkDialog(FormDialog[ItemRemark]):
    """A participant's protocol remark: which item, who, and the words."""

    def __init__(self, count: int, current: int) -> None:
        fields = [item_field(current), Field("who", t("Who")), Field("text", t("Remark, word for word"))]
        super().__init__(t("Protocol remark"), fields, start="who", wide=True)
        self.count = count

    def answer(self, values: Mapping[str, str]) -> ItemRemark:
        index = read_item(values, self.count)
        if not values["who"]:
            raise Invalid("who", t("Whose remark is it? Type the name."))
        if not values["text"]:
            raise Invalid("text", t("Type the remark, word for word."))
        return ItemRemark(index, Remark(who=values["who"], text=values["text"]))


# --- records ----------------------------------------------------------------------------------


class ActionDialog(FormDialog[ActionItem]):
    """An action item (opfølgning): what, who and by when; the last two may wait."""

    def __init__(self, title: str, action: ActionItem | None = None) -> None:
        action = action or ActionItem("")
        fields = [
            Field("what", t("What"), action.what),
            Field("who", t("Who (responsible)"), action.who),
            Field("due", t("By when (a date, or e.g. next meeting)"), action.due, t("e.g. 1 April 2024")),
        ]
        super().__init__(title, fields)

    def answer(self, values: Mapping[str, str]) -> ActionItem:
        if not values["what"]:
            raise Invalid("what", t("Type what is to be done."))
        return ActionItem(values["what"], values["who"], values["due"])


@dataclass(frozen=True)
class NewPerson:
    name: str
    role: str


class PersonDialog(FormDialog[NewPerson]):
    """Someone not on the list: a name and, if known, a role."""

    def __init__(self, title: str) -> None:
        super().__init__(title, [Field("name", t("Name")), Field("role", t("Role"))])

    def answer(self, values: Mapping[str, str]) -> NewPerson:
        if not values["name"]:
            raise Invalid("name", t("Type the name."))
        return NewPerson(values["name"], values["role"])
