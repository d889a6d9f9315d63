"""``referent export``: sources, file names, formats, and failures that leave nothing broken."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from export_support import MINUTES

from referent.cli import main
from referent.meetingfile.reader import load_meeting
from referent.store import Store

POLITISK = MINUTES / "politisk-niveau-klynge-midt-2023-03-13.toml"


def test_default_file_name_in_the_current_folder(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(POLITISK)]) == 0
    name = "2023-03-13 Referat Politisk Niveau Sundhedsklynge Midt.docx"
    assert capsys.readouterr().out.strip() == name
    assert docx.Document(str(tmp_path / name)).paragraphs
    assert main(["export", str(POLITISK), "--agenda", "--public"]) == 0
    public = "2023-03-13 Dagsorden Politisk Niveau Sundhedsklynge Midt (offentlig).docx"
    assert capsys.readouterr().out.strip() == public
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, public])  # no temporary files left


@pytest.mark.parametrize(("args", "suffix", "starts"), [
    (["--format", "md"], ".md", "# 2. møde"),
    ([], ".md", "# 2. møde"),
    ([], ".txt", "# 2. møde"),
    (["--format", "toml"], ".toml", "# A referent meeting file"),
])  # fmt: skip
def test_markdown_text_and_meeting_file_formats(tmp_path: Path, capsys, args, suffix, starts):
    out = tmp_path / f"referat{suffix}"
    assert main(["export", str(POLITISK), "--out", str(out), *args]) == 0
    assert out.read_text(encoding="utf-8").startswith(starts)
    if suffix == ".toml":
        assert load_meeting(out) == load_meeting(POLITISK)  # round trip


def test_a_meeting_id_from_the_database(tmp_path: Path, capsys):
    db = tmp_path / "referent.db"
    store = Store.open(db)
    meeting_id = store.import_meeting(load_meeting(POLITISK))
    store.close()
    out = tmp_path / "fra-db.docx"
    assert main(["export", str(meeting_id), "--db", str(db), "--out", str(out), "--style", "nord"]) == 0
    assert "1) Velkommen og godkendelse af dagsorden – kl. 14:30 – 14:35" in [
        p.text for p in docx.Document(str(out)).paragraphs
    ]
    assert main(["export", "99", "--db", str(db), "--out", str(out)]) == 1
    assert "referent list" in capsys.readouterr().err


def test_missing_folder_is_a_clear_error(tmp_path: Path, capsys):
    assert main(["export", str(POLITISK), "--out", str(tmp_path / "mangler" / "x.docx")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_a_file_open_elsewhere_is_left_intact(tmp_path: Path, capsys, monkeypatch):
    out = tmp_path / "referat.docx"
    out.write_bytes(b"the version the chair has open")

    def refuse(source: str, target: str) -> None:  # what Windows does while Word has the file open
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["export", str(POLITISK), "--out", str(out)]) == 1
    assert "open in another program" in capsys.readouterr().err
    assert out.read_bytes() == b"the version the chair has open"
    assert [p.name for p in tmp_path.iterdir()] == ["referat.docx"]


def test_bad_style_and_bad_meeting_file_exit_2(tmp_path: Path, capsys):
    style = tmp_path / "fejl.toml"
    style.write_text("[labels]\ntitel = 'x'\n", encoding="utf-8")
    assert main(["export", str(POLITISK), "--out", str(tmp_path / "x.docx"), "--style", str(style)]) == 2
    assert f"{style}:2: unknown key 'titel'" in capsys.readouterr().err
    broken = tmp_path / "møde.toml"
    broken.write_text("[meeting]\ntitle = 'x'\n", encoding="utf-8")
    assert main(["export", str(broken), "--out", str(tmp_path / "y.docx")]) == 2
    assert "'date' is missing" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
