"""Textual's private names are used in one module only, pinned, and checked to be there.

``referent.ui.textual_compat`` is the one module that may use a private Textual name. What the
check below reaches, in every other module of ``src/referent``:

- imports of a private Textual module or name (``textual._wrap``, ``textual.widgets._footer``,
  ``from textual.x import _y``), and a string naming one (a module imported by name);
- in a class derived from a Textual class: a method or attribute it defines (``def
  _render_line``, ``def _handle_exception``, ``def _on_mount``, ``self._theme = …``) or reads
  through ``self`` (``self._line_cache``) whose name a Textual class in its ancestry defines,
  found by walking the class's real ancestry;
- on any other object (``option._set_prompt``, ``row._pending_children``): a private name
  Textual defines anywhere that referent's own code does not also define for itself. The type
  of such an object is not known here, so a name both use passes (``_markdown`` is Textual
  Markdown's and also the case pane's own attribute).

What it cannot see: ``getattr`` with a computed name, a public module global of Textual's
replaced at run time (the input decoder in ``ui/terminal.py``), and the tests and benches,
which compare with Textual's own internals on purpose.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import sys
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import textual
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from referent.ui import textual_compat

SRC = Path(__file__).resolve().parents[1] / "src"
COMPAT = SRC / "referent" / "ui" / "textual_compat.py"
PRIVATE_MODULE = re.compile(r"\btextual(?:\.\w+)*\._[A-Za-z]\w*")


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@cache
def textual_definitions() -> dict[str, set[str]]:
    """For each class in Textual's source (module.qualname), the private names it defines:
    methods, class attributes and ``self._x = …`` in its methods."""
    root = Path(textual.__file__).parent
    found: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        module = ".".join(("textual", *path.relative_to(root).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                found.setdefault(f"{module}.{node.name}", set()).update(own_names(node))
    return found


def own_names(node: ast.ClassDef) -> set[str]:
    """The private names a class body defines: methods, class attributes, ``self._x = …``."""
    names: set[str] = set()
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(statement.name)
            for inner in ast.walk(statement):
                targets = inner.targets if isinstance(inner, ast.Assign) else []
                if isinstance(inner, (ast.AnnAssign, ast.AugAssign)):
                    targets = [inner.target]
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                    ):
                        names.add(target.attr)
        elif isinstance(statement, ast.Assign):
            names.update(target.id for target in statement.targets if isinstance(target, ast.Name))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.add(statement.target.id)
    return {name for name in names if is_private(name)}


@cache
def textual_private_names() -> set[str]:
    return set().union(*textual_definitions().values())


def textual_ancestry_defines(cls: type, name: str) -> str | None:
    """The Textual class in ``cls``'s ancestry that defines ``name`` (None: none does)."""
    for ancestor in inspect.getmro(cls):
        if ancestor.__module__.split(".")[0] != "textual":
            continue
        if name in vars(ancestor) or name in textual_definitions().get(
            f"{ancestor.__module__}.{ancestor.__qualname__}", set()
        ):
            return f"{ancestor.__module__}.{ancestor.__qualname__}"
    return None


def referent_modules() -> Iterator[tuple[str, Path]]:
    for path in sorted((SRC / "referent").rglob("*.py")):
        if path != COMPAT and path.name != "__main__.py":  # (importing that one runs the program)
            name = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
            yield name, path


@cache
def referent_own_names() -> set[str]:
    """The private names referent's own classes define for themselves (not over Textual's)."""
    names: set[str] = set()
    for _, path in referent_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names |= own_names(node)
    return names - textual_private_names()


def uses_of_private_textual_names(module_name: str, path: Path) -> list[str]:
    """Where the module uses a private Textual name (see the module's docstring), as
    ``file:line: what``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(SRC)) if path.is_relative_to(SRC) else path.name
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("textual") and PRIVATE_MODULE.search(alias.name):
                    found.append(f"{where}:{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
            module = node.module or ""
            private = [alias.name for alias in node.names if is_private(alias.name)]
            if PRIVATE_MODULE.search(module) or private:
                found.append(f"{where}:{node.lineno}: from {module} import {', '.join(private) or '…'}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = PRIVATE_MODULE.search(node.value)
            if match and not node.value.strip().count("\n"):  # a module name, not a docstring
                found.append(f"{where}:{node.lineno}: names the module {match[0]}")
    module = importlib.import_module(module_name)
    in_classes: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name, None)
        if not isinstance(cls, type):
            continue
        for name in sorted(own_names(node)):
            owner = textual_ancestry_defines(cls, name)
            if owner:
                found.append(f"{where}:{node.lineno}: {node.name} defines {name}, which {owner} has")
        for inner in ast.walk(node):
            in_classes.add(id(inner))
            if (
                isinstance(inner, ast.Attribute)
                and is_private(inner.attr)
                and isinstance(inner.value, ast.Name)
                and inner.value.id == "self"
            ):
                owner = textual_ancestry_defines(cls, inner.attr)
                if owner:
                    found.append(f"{where}:{inner.lineno}: self.{inner.attr} is {owner}'s")
        for inner in ast.walk(node):  # super()._x(…)
            if (
                isinstance(inner, ast.Attribute)
                and is_private(inner.attr)
                and isinstance(inner.value, ast.Call)
                and isinstance(inner.value.func, ast.Name)
                and inner.value.func.id == "super"
                and textual_ancestry_defines(cls, inner.attr)
            ):
                found.append(f"{where}:{inner.lineno}: super().{inner.attr}")
    textual_names, ours = textual_private_names(), referent_own_names()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and is_private(node.attr)
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            and not (isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "super")
            and node.attr in textual_names
            and node.attr not in ours
        ):
            found.append(f"{where}:{node.lineno}: .{node.attr} is a private name of Textual's")
    return found


def test_no_module_but_the_compat_module_uses_a_private_textual_name() -> None:
    found = [use for name, path in referent_modules() for use in uses_of_private_textual_names(name, path)]
    assert found == [], "use referent.ui.textual_compat:\n" + "\n".join(found)


def test_the_check_finds_what_it_is_meant_to_find(tmp_path: Path) -> None:
    """The check itself, on the compat module (which may) and on a module written to break it."""
    assert uses_of_private_textual_names("referent.ui.textual_compat", COMPAT)  # it reaches in, and is seen
    bad = tmp_path / "referent_bad_module.py"
    bad.write_text(
        "from textual.widgets import OptionList, TextArea\n"
        "from textual._wrap import compute_wrap_offsets\n"
        "MODULE = 'textual.widgets._markdown'\n"
        "class Editor(TextArea):\n"
        "    def _render_line(self, y):\n"
        "        return self._theme\n"
        "    def _own_helper(self):\n"
        "        self._mine = 1\n"
        "def redraw(options: OptionList) -> None:\n"
        "    options._clear_caches()\n",
        encoding="utf-8",
    )
    sys.path.insert(0, str(tmp_path))
    try:
        found = uses_of_private_textual_names("referent_bad_module", bad)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("referent_bad_module", None)
    found = [use.split(": ", 1)[1] for use in found]
    assert found == [
        "from textual._wrap import …",
        "names the module textual.widgets._markdown",
        "Editor defines _render_line, which textual.widgets._text_area.TextArea has",
        "self._theme is textual.widgets._text_area.TextArea's",
        "._clear_caches is a private name of Textual's",
    ]


def test_every_textual_internal_referent_uses_is_there() -> None:
    """An upgrade that renames or drops one fails here with its name (Textual 6.1 drew an empty
    footer without a word)."""
    assert textual_compat.missing() == []


def test_missing_names_what_is_not_there(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import OptionList

    monkeypatch.delattr(OptionList, "_clear_caches")
    assert textual_compat.missing() == ["OptionList._clear_caches"]


def test_textual_is_pinned_below_the_next_minor_version() -> None:
    """Private names may change in any minor release: the pin lets in only the 8.2 series the
    compat module was checked with, and the installed Textual is one of them."""
    project = tomllib.loads((SRC.parent / "pyproject.toml").read_text(encoding="utf-8"))
    (requirement,) = [d for d in project["project"]["dependencies"] if re.match(r"textual\b", d)]
    specifier = SpecifierSet(requirement.split(";")[0].removeprefix("textual").split("#")[0].strip())
    assert Version("8.2.8") in specifier and Version("8.2.99") in specifier
    assert Version("8.3.0") not in specifier and Version("8.2.7") not in specifier
    assert Version(textual.__version__) in specifier
