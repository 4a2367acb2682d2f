"""The wheels the install tests install from, so that only their first run needs the package index.

Three tests install: Binder's environment (``pip install -r binder/requirements.txt``, see
binder_environment.py), the check that Binder's requirements resolve beside its base image's packages,
and the README's set-up from the source archive (``requirements.txt``, the project's full lock). Each
installs with no package index from :data:`WHEELHOUSE`, which :func:`ensure` fills on the first run and
keeps beside the project's environment (``make clean`` removes it): after that, `make test` passes with
the network cut.
"""
from __future__ import annotations

import fcntl
import re
import subprocess
import sys
from pathlib import Path

from article_analysis.core.paths import ROOT

WHEELHOUSE = Path(sys.prefix) / "wheelhouse"
BINDER_REQUIREMENTS = ROOT / "binder" / "requirements.txt"
BASE_IMAGE = ROOT / "binder" / "base-image.txt"
LOCK = ROOT / "requirements.txt"
# What pip builds the package (and the lock's two source distributions, feedgen and jstyleson) with.
BUILD_TOOLS = ["setuptools>=61", "wheel"]
PIP = [sys.executable, "-m", "pip"]


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(path: Path) -> dict[str, str]:
    """The ``name==version`` lines of a requirements file, by normalized name."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[normalized(name)] = version.strip()
    return pins


def run_pip(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*PIP, *args], cwd=cwd, capture_output=True, text=True)


def offline(folder: Path = WHEELHOUSE) -> dict[str, str]:
    """Environment variables that make any pip install from ``folder`` alone (the README's set-up too)."""
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(folder)}


class Lock:
    """An exclusive lock on a file, held across processes (the pytest workers)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = path.open("w")

    def __enter__(self):
        fcntl.flock(self.file, fcntl.LOCK_EX)

    def __exit__(self, *exc):
        fcntl.flock(self.file, fcntl.LOCK_UN)
        self.file.close()


def _present() -> set[tuple[str, str]]:
    """(name, version) of every wheel and source distribution in the wheelhouse."""
    found = set()
    for path in WHEELHOUSE.iterdir() if WHEELHOUSE.exists() else ():
        if path.suffix == ".whl":
            name, version = path.name.split("-")[:2]
        elif path.name.endswith(".tar.gz"):
            name, _, version = path.name[: -len(".tar.gz")].rpartition("-")
        else:
            continue
        found.add((normalized(name), version))
    return found


def ensure() -> Path:
    """The wheelhouse, holding every pin of binder/ and of the lock (downloaded if any is missing)."""
    wanted = {**pinned(BASE_IMAGE), **pinned(BINDER_REQUIREMENTS)}.items() | pinned(LOCK).items()
    with Lock(WHEELHOUSE.with_suffix(".lock")):
        present = _present()
        if wanted <= present and any(name == "setuptools" for name, _ in present):
            return WHEELHOUSE
        download = ["download", "--quiet", "--dest", str(WHEELHOUSE)]
        # Binder's pins with its base image's, resolved together as Binder's build resolves them.
        binder = run_pip(*download, "--only-binary=:all:", "-r", str(BASE_IMAGE),
                         *[f"{name}=={version}" for name, version in pinned(BINDER_REQUIREMENTS).items()],
                         *BUILD_TOOLS)
        # The lock is complete, so each pin is fetched as it is (two of them are source distributions).
        lock = run_pip(*download, "--no-deps", *[f"{name}=={version}" for name, version in pinned(LOCK).items()],
                       *BUILD_TOOLS)
        for result in (binder, lock):
            if result.returncode != 0:
                raise RuntimeError(f"Downloading the wheelhouse into {WHEELHOUSE} failed (its first run needs the "
                                   f"package index; later runs are offline):\n{result.stderr[-3000:]}")
    return WHEELHOUSE
