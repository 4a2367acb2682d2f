"""What the book's PDF and the tests need from the system, and the check that names what is missing.

``make test`` and ``make pdf`` run this file before any other work, with the system's Python and by
its path (the virtual environment may not exist yet), so it uses the standard library only::

    python3 article_analysis/book/prerequisites.py chromium java pdftotext npm

For each missing program it prints one sentence saying how to install it, and exits non-zero.

The browser is one setting: :data:`CHROMIUM`, Debian's Chromium unless the ``CHROMIUM`` environment
variable names another binary. The PDF printer, the browser tests and the benchmarks all launch it.
"""
from __future__ import annotations

import os
import shutil
import sys

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Each program: whether it is there, and the sentence that says how to get it when it is not.
PROGRAMS = {
    "chromium": (lambda: os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK),
                 f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` "
                 "or set CHROMIUM=/path/to/chromium."),
    "java": (lambda: shutil.which("java") is not None,
             "Java not found on PATH (the Nu HTML checker runs on it): install it with "
             "`apt-get install default-jre-headless`."),
    "pdftotext": (lambda: shutil.which("pdftotext") is not None,
                  "pdftotext not found on PATH (the PDF tests read the book's PDF with it): install it with "
                  "`apt-get install poppler-utils`."),
    "npm": (lambda: shutil.which("npm") is not None,
            "npm not found on PATH (it installs the chart libraries and the HTML checker): install it with "
            "`apt-get install nodejs npm`."),
}


def missing(names: list[str]) -> list[str]:
    """The sentence for each of ``names`` (keys of :data:`PROGRAMS`) that is not installed, in order."""
    unknown = [name for name in names if name not in PROGRAMS]
    if unknown:
        raise ValueError(f"unknown prerequisite(s) {unknown}: choose from {sorted(PROGRAMS)}")
    return [sentence for name in names for found, sentence in [PROGRAMS[name]] if not found()]


def main(names: list[str]) -> int:
    sentences = missing(names)
    for sentence in sentences:
        print(sentence, file=sys.stderr)
    return 1 if sentences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
