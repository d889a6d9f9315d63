"""The settings file ``referent config --init`` writes: an example that changes nothing until edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from referent.cli import main
from referent.config import DEFAULT_PHRASES, Settings, load_settings


@pytest.fixture
def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """The file ``referent config --init`` wrote (at ``REFERENT_CONFIG``)."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("REFERENT_CONFIG", str(path))
    assert main(["config", "--init"]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    return path


def test_the_example_gives_the_same_settings_as_no_file(written: Path, tmp_path: Path) -> None:
    settings = load_settings(written)
    assert settings.problems == []
    assert settings.phrases == Settings().phrases == list(DEFAULT_PHRASES)
    assert settings == load_settings(tmp_path / "missing.toml")


def test_uncommenting_the_phrases_gives_every_standard_phrase(written: Path) -> None:
    """The list to edit starts as the built-in one: nothing is lost by taking it up."""
    lines = written.read_text(encoding="utf-8").splitlines()
    start = lines.index("# phrases = [")
    end = lines.index("# ]", start)
    for number in range(start, end + 1):
        lines[number] = lines[number].removeprefix("# ")
    written.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = load_settings(written)
    assert settings.problems == []
    assert settings.phrases == list(DEFAULT_PHRASES)


def test_init_refuses_to_overwrite_a_settings_file(written: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written.write_text('language = "en"\n', encoding="utf-8")
    assert main(["config", "--init"]) != 0
    assert "already exists" in capsys.readouterr().err
    assert written.read_text(encoding="utf-8") == 'language = "en"\n'
