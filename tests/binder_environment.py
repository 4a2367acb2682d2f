"""Binder's environment, set up once per test session and shared by every pytest worker.

Binder's builder (repo2docker) reads ``binder/`` and ignores the root's files: in a copy of the
repository it runs ``pip install -r binder/requirements.txt`` from the root, whose last line is a
regular (non-editable) install of the package into site-packages. :func:`shared` does the same in a
scratch virtual environment, from the wheelhouse (wheelhouse.py: no package index after the first run),
and writes a kernelspec, :data:`KERNEL`, that starts a kernel in it.

Two users: the install tests (``tests/test_binder.py``), and strict nbval, which `make test` runs with
``--nbval-kernel-name binder-environment``: every notebook is executed once by the tests, in Binder's
environment, and its outputs compared with the committed ones (conftest.py sets the environment up
before the first notebook cell runs).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import wheelhouse
from article_analysis.core.paths import ROOT

KERNEL = "binder-environment"
# What a clone has and the scratch copy should not: local environments, builds, installed npm
# packages and caches.
NOT_IN_A_CLONE = shutil.ignore_patterns(".git", ".venv", "_build", "build", "node_modules", "__pycache__",
                                        "*.egg-info", ".ipynb_checkpoints", ".hypothesis", ".pytest_cache")


@dataclass(frozen=True)
class Environment:
    repository: Path  # the copy of the repository, as Binder's builder has it
    python: Path  # the environment's interpreter
    kernels: Path  # a folder for JUPYTER_PATH whose kernels/ holds the kernelspec KERNEL


def shared(scratch: Path) -> Environment:
    """Binder's environment in ``scratch`` (one folder for all workers of a session), made on first use."""
    environment = Environment(scratch / "repository", scratch / "venv" / "bin" / "python", scratch / "jupyter")
    ready, failed = scratch / "ready", scratch / "failed"
    with wheelhouse.Lock(scratch / "lock"):
        if failed.exists():
            raise RuntimeError(failed.read_text(encoding="utf-8"))
        if not ready.exists():
            try:
                _install(environment, wheelhouse.ensure())
            except Exception as error:
                failed.write_text(f"Binder's environment could not be set up: {error}", encoding="utf-8")
                raise
            ready.touch()
    return environment


def _install(environment: Environment, wheels: Path) -> None:
    shutil.copytree(ROOT, environment.repository, ignore=NOT_IN_A_CLONE)
    venv = environment.python.parent.parent
    # This environment's pip installs into the new one (--python), which saves bootstrapping a second pip.
    # --no-compile: the kernels compile only the modules they import, instead of pip compiling every
    # installed file (two thirds of the install's time); bytecode changes nothing a notebook computes.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    install = wheelhouse.run_pip("--python", str(environment.python), "install", "--quiet", "--no-compile", "--no-index",
                      "--find-links", str(wheels), "-r", "binder/requirements.txt", cwd=environment.repository)
    if install.returncode != 0:
        raise RuntimeError(f"pip install -r binder/requirements.txt failed:\n{install.stderr[-3000:]}")
    spec = environment.kernels / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(environment.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Binder-style environment", "language": "python"}), encoding="utf-8")
