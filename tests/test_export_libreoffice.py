"""LibreOffice opens every export: all samples, both styles, minutes, agendas and public versions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from export_support import AGENDAS, MINUTES, SAMPLES

from referent.export import export_meeting
from referent.meetingfile.reader import load_meeting

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(
    OFFICE is None, reason="LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)"
)


def test_libreoffice_converts_every_export_to_pdf(tmp_path: Path):
    exports = []
    for sample in SAMPLES:
        for style in ("default", "nord"):
            for agenda in (False, True):
                source = (AGENDAS if agenda else MINUTES) / f"{sample}.toml"
                kind = "agenda" if agenda else "minutes"
                path = tmp_path / f"{sample}-{style}-{kind}.docx"
                export_meeting(load_meeting(source), path, agenda=agenda, style=style)
                exports.append(path)
        public = tmp_path / f"{sample}-public.docx"
        export_meeting(load_meeting(MINUTES / f"{sample}.toml"), public, public=True)
        exports.append(public)
    out = tmp_path / "pdf"
    result = subprocess.run(
        [OFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, exports)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr
    for path in exports:
        pdf = out / f"{path.stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 5_000, f"LibreOffice did not convert {path.name}"
        assert pdf.read_bytes().startswith(b"%PDF")
