"""Installed from a wheel (as ``pipx install`` does), referent has everything it needs."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from terminal import CTRL_Q, Terminal

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("referent-*.whl")
    return built


def test_the_wheel_carries_the_sample_agendas(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    samples = sorted(p.name for p in (ROOT / "sample_agendas").glob("*.toml"))
    assert samples
    for sample in samples:
        assert f"referent/sample_agendas/{sample}" in names


def test_the_wheel_carries_the_blank_document_and_the_built_in_styles(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "referent/export/blank.docx" in names  # every Word export starts from it
    assert {"referent/export/styles/default.toml", "referent/export/styles/nord.toml"} <= set(names)


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal: POSIX only")
def test_demo_from_a_wheel_opens_the_sample_and_leaves_nothing_behind(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = next((venv / "lib").glob("python*/site-packages"))
    # referent itself from the wheel alone; its dependencies from the environment running the tests
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    (target / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    command = [str(venv / "bin" / "python"), "-m", "referent", "demo"]
    with Terminal(command, size=(100, 30), env={"TMPDIR": str(temporary)}, cwd=tmp_path) as term:
        term.wait_for("Politisk Niveau")
        assert list(temporary.glob("referent-demo-*"))  # the demo's database, while it runs
        term.send(CTRL_Q)
        assert term.wait() == 0
    assert not list(temporary.iterdir())
