"""Run ``referent ARGS`` as ``python -m referent`` does, then write its own peak resident size.

Usage: ``python bench/peak_memory.py PEAK_FILE ARGS…`` — PEAK_FILE gets the peak in kilobytes.

The peak is read inside the process (``VmHWM`` of its own memory after ``exec``): the kernel's
``ru_maxrss`` of a child, from ``wait4`` or ``RUSAGE_CHILDREN``, carries over the peak of the
process that started it, so a bench that built a large agenda, or a pytest worker grown past
300 MB by earlier tests, made every child look that big. Used by ``huge_agenda_bench`` and by
``tests/test_word_hostile.py``.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def peak_kilobytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return int(next(line for line in status if line.startswith("VmHWM:")).split()[1])


def main() -> None:
    peak_file, arguments = Path(sys.argv[1]), sys.argv[2:]
    sys.argv = ["referent", *arguments]
    try:
        runpy.run_module("referent", run_name="__main__")
    finally:
        peak_file.write_text(str(peak_kilobytes()), encoding="ascii")


if __name__ == "__main__":
    main()
