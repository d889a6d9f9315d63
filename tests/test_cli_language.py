"""The command line speaks the user's language: every message, heading, date and argparse's
own words; Danish for a Danish agenda on a machine whose locale is C."""

from __future__ import annotations

import argparse
import shutil
from datetime import date
from pathlib import Path

import pytest
from ui_helpers import DEMO, POLITISK

from referent.cli import build_parser, main
from referent.i18n import DANISH, set_language, spoken_date

WORD_AGENDA = Path(__file__).parent / "fixtures" / "word" / "politisk-niveau-pandoc.docx"
"""A Danish Word agenda: 13 March 2023 (a Monday), 22 participants in 4 groups, 6 items."""


def referent(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``referent ARGS`` in this process: (exit status, stdout, stderr)."""
    try:
        status = main(list(args))
    except SystemExit as exited:  # argparse: help, usage errors
        status = int(exited.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_dates_are_spoken_in_the_language() -> None:
    day = date(2022, 8, 26)
    set_language("da")
    assert spoken_date(day) == "fredag den 26. august 2022"
    set_language("en")
    assert spoken_date(day) == "Friday 26 August 2022"


def test_check_of_a_danish_word_agenda_on_a_c_locale_is_danish(
    c_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = referent(capsys, "check", str(WORD_AGENDA))
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"{WORD_AGENDA}: OK, læst som dagsorden i Word:"
    assert lines[2].startswith("    mandag den 13. marts 2023, 14.30–16.30, ")
    assert lines[3:6] == ["    mødeleder: Jes Lunde", "    22 deltagere i 4 grupper", "    6 punkter:"]
    assert "Monday" not in out and "participants" not in out


def test_the_setting_wins_over_the_agenda(
    c_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('language = "en"\n', encoding="utf-8")
    monkeypatch.setenv("REFERENT_CONFIG", str(settings))
    _, out, _ = referent(capsys, "check", str(WORD_AGENDA))
    assert "OK, read as a Word agenda:" in out and "Monday 13 March 2023" in out


def test_list_on_a_c_locale_is_danish_headers_and_status_alike(
    c_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(POLITISK, tmp_path / "politisk.toml")
    assert referent(capsys, "import", str(tmp_path / "politisk.toml"))[0] == 0
    _, out, _ = referent(capsys, "list")
    header, row = out.splitlines()
    assert header.split() == ["ID", "DATO", "STATUS", "SIDST", "GEMT", "FIL", "TITEL"]
    assert "dagsorden" in row


def test_list_on_an_empty_database_is_danish(c_locale: None, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = referent(capsys, "list")
    assert out == "Ingen møder endnu. Indlæs et med: referent import FIL\n"


def test_import_speaks_each_agendas_language(
    c_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    danish, english = tmp_path / "politisk.toml", tmp_path / "board.toml"
    shutil.copy(POLITISK, danish)
    shutil.copy(DEMO, english)
    assert referent(capsys, "import", str(danish))[1] == f"{danish}: indlæst som møde 1\n"
    assert referent(capsys, "import", str(english))[1] == f"{english}: imported as meeting 2\n"
    _, out, _ = referent(capsys, "import", str(danish))
    assert out.startswith(
        f"{danish}: allerede indlæst som møde 1, dens udkast; intet er ændret.\nÅbn det med: "
    )
    _, out, _ = referent(capsys, "import", "--copy", str(danish))
    assert out == f"{danish}: indlæst som møde 3 (en kopi af møde 1)\n"
    danish.write_text(danish.read_text(encoding="utf-8").replace("Velkommen", "Goddag"), encoding="utf-8")
    _, out, _ = referent(capsys, "import", str(danish))
    assert "Filen er ændret siden:" in out and "Intet er ændret. Før ændringerne ind i udkastet med:" in out
    assert "  Punkt 1. Goddag og godkendelse af dagsorden: titel ændret\n" in out  # as the screen says it
    _, out, _ = referent(capsys, "import", "--update", str(danish))
    assert out.startswith(f"{danish}: udkastet, møde 1, følger nu filen:\n")


def test_errors_before_a_meeting_is_known_are_danish(
    c_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert referent(capsys, "check", "findes-ikke.docx")[:2] == (2, "findes-ikke.docx: filen findes ikke\n")
    status, _, err = referent(capsys, "open", "7")
    assert (status, err) == (1, "referent: intet møde med id 7 i databasen; se 'referent list'\n")
    status, _, err = referent(capsys, "dump", "x")
    assert status == 2
    assert (
        err.splitlines()[-1]
        == "referent dump: fejl: argumentet ID: 'x' er ikke et møde-id (se 'referent list')"
    )
    status, _, err = referent(capsys, "demo", "findes-ikke")
    assert status == 2 and "ingen eksempeldagsorden passer på 'findes-ikke'" in err


def test_help_and_argparses_own_words_are_danish(c_locale: None, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = referent(capsys, "--help")
    assert status == 0
    assert out.startswith("brug: referent [-h] [--db STI] [--version] KOMMANDO ...")
    assert "\nargumenter:\n" in out and "\ntilvalg:\n" in out and "vis denne hjælp og afslut" in out
    for english in ("usage:", "options:", "positional arguments", "show this help", "the database file"):
        assert english not in out
    status, _, err = referent(capsys, "export")
    assert status == 2 and err.endswith("referent export: fejl: disse argumenter mangler: KILDE\n")
    status, _, err = referent(capsys, "frob")
    assert status == 2 and "fejl: argumentet KOMMANDO: ugyldigt valg: 'frob'" in err


def test_every_help_text_and_metavar_of_the_parser_has_a_danish_translation() -> None:
    """Built in English, every word the parser prints is a key of the catalogue."""
    set_language("en")
    missing = []

    def walk(parser: argparse.ArgumentParser) -> None:
        texts = [parser.description or ""]
        for action in parser._actions:
            texts += [action.help or ""]
            texts += [action.metavar] if isinstance(action.metavar, str) else []
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    walk(sub)
        missing.extend(text for text in texts if text and text not in DANISH and text != "ID")

    walk(build_parser())
    # composed help: "{source}, or a style file" is checked as its parts
    source = "a meeting file (.toml) or the council's Word agenda (.docx)"
    composed = {f"{source}, or a style file", f"a meeting id, or {source}: its draft, if it has one"}
    assert sorted(set(missing) - composed) == []


def test_a_damaged_database_is_explained_in_danish(
    c_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    damaged = tmp_path / "Mine møder.db"
    damaged.write_bytes(b"SQLite format 3\0" + b"\xff" * 4096)
    status, _, err = referent(capsys, "list", "--db", str(damaged))
    assert status == 1
    assert err.startswith(f"referent: {damaged}: databasen er beskadiget (")
    assert f"Kontrollér den med: sqlite3 \"{damaged}\" 'pragma integrity_check'" in err


def test_what_is_wrong_with_a_meeting_file_is_said_in_danish(
    c_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "møde.toml"
    text = '[meeting]\ntitel = "Styregruppe"\ndate = "13/3"\n\n[[items]]\ntitle = ""\nnumber = 2\n'
    broken.write_text(text, encoding="utf-8")
    status, out, _ = referent(capsys, "check", str(broken))
    assert status == 2
    assert out.splitlines() == [
        f"{broken}:1: 'title' mangler i [meeting]",
        f"{broken}:2: ukendt nøgle 'titel' i [meeting]; mente du 'title'?",
        f"{broken}:3: 'date' skal være en dato skrevet som 2023-03-13, ikke '13/3' (tekst)",
        f"{broken}:6: 'title' må ikke være tom",
        f"{broken}:7: punkt nummer 2 står som punkt 1: punkterne nummereres i den rækkefølge, de står i",
    ]


def _typed_agenda(folder: Path, name: str, lines: tuple[str, ...]) -> Path:
    """An agenda typed in Word as plain numbered lines, with no date anywhere (python-docx's blank
    document: its creation date is not the agenda's), so the reader warns that it took today."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / name
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("lines", "heading", "warning", "foreign"),
    [
        (
            ("Bestyrelsesmøde", "Dagsorden", "1. Godkendelse af dagsorden", "2. Økonomi", "3. Eventuelt"),
            "læst som dagsorden i Word, med 1 advarsel (nedenfor):",
            "ingen mødedato blev fundet i dokumentet; tog dagens dato, ",
            "no meeting date",
        ),
        (
            ("Board meeting", "Agenda", "1. Approval of the agenda", "2. Finances", "3. Any other business"),
            "read as a Word agenda, with 1 warning (below):",
            "no meeting date was found in the document; took today, ",
            "mødedato",
        ),
    ],
)
def test_the_word_readers_warnings_are_said_in_the_agendas_language(
    c_locale: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    lines: tuple[str, ...],
    heading: str,
    warning: str,
    foreign: str,
) -> None:
    """The warnings are made while the agenda is read, before its language is known (on a C
    locale, the agenda's own): they were English under a Danish heading (and the other way)."""
    agenda = _typed_agenda(tmp_path, "dagsorden.docx", lines)
    status, out, _ = referent(capsys, "check", str(agenda))
    assert status == 1
    first, *_, said = out.splitlines()
    assert first == f"{agenda}: {heading}"
    assert said.startswith(f"{agenda}: {warning}") and foreign not in out
    set_language("da" if "dato" in warning else "en")
    assert said.endswith(spoken_date(date.today()))  # today, in words of the agenda's language


def test_a_phrase_is_said_again_in_the_language_of_now() -> None:
    from referent.i18n import phrase, said

    set_language("da")
    made = phrase(
        "no meeting date was found in the document; took {date} from the file name", date=date(2023, 4, 17)
    )
    assert made == "ingen mødedato blev fundet i dokumentet; tog mandag den 17. april 2023 fra filnavnet"
    set_language("en")
    assert (
        said(made)
        == "no meeting date was found in the document; took Monday 17 April 2023 from the file name"
    )
    assert said("plain words") == "plain words"
