"""Keys as people read them, the phrase keys' actions, and binding ids renamed since."""

from __future__ import annotations

import re

KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "escape": "Esc",
    "enter": "Enter",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "delete": "Del",
}


def describe_key(key: str) -> str:
    """``ctrl+down`` as a person reads it on the keyboard: ``Ctrl+↓``."""
    parts = key.split("+")
    return "+".join(KEY_NAMES.get(part, part.capitalize() if len(part) > 1 else part) for part in parts)


def phrase_action(number: int) -> str:
    """The action that inserts standard phrase ``number`` (counted from 0)."""
    return f"phrase({number})"


def phrase_number(action: str) -> int | None:
    """The phrase an action inserts (counted from 0), None for any other action."""
    match = re.fullmatch(r"phrase\((\d+)\)", action)
    return int(match[1]) if match else None


RENAMED_IDS = {
    **{
        old: f"minutes_{old}"
        for old in (
            "help",
            "attendance",
            "next_item",
            "previous_item",
            "go_to_item",
            "outcomes",
            "approve_all",
            "phrases",
            "item_menu",
            "add_action",
            "actions_list",
            "review",
            "export",
            "case_down",
            "case_up",
            "save_now",
            *(f"phrase_{n}" for n in range(1, 10)),
        )
    },
    "case_text": "minutes_layout",
    "mark_present": "attendance_present",
    "mark_absent": "attendance_absent",
    "mark_remote": "attendance_remote",
    "mark_substitute": "attendance_substitute",
    "everyone_present": "attendance_everyone",
    "mark_arrived": "attendance_arrived",
    "mark_left": "attendance_left",
    "add_guest": "attendance_add_guest",
    "add_participant": "attendance_add_participant",
    "mark_clear": "attendance_clear",
}
"""Binding ids before every id named its screen: a settings file written then still works."""


def with_current_ids(keymap: dict[str, str]) -> dict[str, str]:
    return {RENAMED_IDS.get(binding_id, binding_id): keys for binding_id, keys in keymap.items()}
