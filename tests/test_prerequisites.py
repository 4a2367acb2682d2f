"""`make test`, `make pdf` and `make book` name each missing program in one sentence, before any work."""
import shutil
import subprocess
import sys

from article_analysis.core.paths import ROOT

SENTENCES = ["Chromium not found at /nowhere/chromium: install it with `apt-get install chromium`",
             "Java not found on PATH", "`apt-get install default-jre-headless`",
             "pdftotext not found on PATH", "`apt-get install poppler-utils`",
             "npm not found on PATH", "`apt-get install nodejs npm`"]


def without_programs(tmp_path):
    """A PATH with only what make and its shell need, and a CHROMIUM that points nowhere."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("sh", "find", "nproc", "touch", "mkdir"):
        (tools / name).symlink_to(shutil.which(name))
    return {"PATH": str(tools), "CHROMIUM": "/nowhere/chromium"}


def test_make_test_names_every_missing_program_and_does_no_work(tmp_path):
    venv = tmp_path / "venv"
    result = subprocess.run([shutil.which("make"), "-C", str(ROOT), "test", f"PYTHON={sys.executable}",
                             f"VENV={venv}"], env=without_programs(tmp_path), capture_output=True, text=True)
    assert result.returncode != 0
    for sentence in SENTENCES:
        assert sentence in result.stderr
    assert not venv.exists(), "the environment was created before the check"


def test_make_pdf_needs_only_chromium_and_npm(tmp_path):
    result = subprocess.run([shutil.which("make"), "-C", str(ROOT), "pdf", f"PYTHON={sys.executable}",
                             f"VENV={tmp_path / 'venv'}"], env=without_programs(tmp_path),
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "Chromium not found" in result.stderr and "npm not found" in result.stderr
    assert "Java" not in result.stderr and "pdftotext" not in result.stderr


def test_make_book_names_a_missing_npm_before_creating_the_environment(tmp_path):
    result = subprocess.run([shutil.which("make"), "-C", str(ROOT), "book", f"PYTHON={sys.executable}",
                             f"VENV={tmp_path / 'venv'}", "NODE_INSTALLED=" + str(tmp_path / "node.installed")],
                            env=without_programs(tmp_path), capture_output=True, text=True)
    assert result.returncode != 0
    assert "npm not found on PATH" in result.stderr and "`apt-get install nodejs npm`" in result.stderr
    assert not (tmp_path / "venv").exists(), "the environment was created before the check"


def test_with_everything_installed_the_check_passes():
    result = subprocess.run([sys.executable, str(ROOT / "article_analysis/book/prerequisites.py"),
                             "chromium", "java", "pdftotext", "npm"], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
