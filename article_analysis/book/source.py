"""The repository travels with the book: a source archive, and every notebook's first cell says where.

``make book`` writes ``source.tar.gz`` beside the pages: ``git archive`` of the tracked files at the
built commit, gzipped without a timestamp, so that two builds of one commit give the same bytes. Every
page links it from its download menu (:mod:`article_analysis.book.pages`), the about page from its text.

A notebook downloaded from the book has no package to import, so its first code cell (id
``needs-repository``) carries its message as plain text: :func:`needs_repository` writes it from
``repository.url`` in ``_config.yml`` (the public address and Binder when one is set, the source
archive otherwise), and
:func:`stamp` puts it in every notebook before the stale ones are executed.
"""
from __future__ import annotations

import gzip
import io
import subprocess
from pathlib import Path

import nbformat

ARCHIVE = "source.tar.gz"
"""The archive's name, at the root of the built HTML."""
PREFIX = "article-analysis/"
"""The folder the archive unpacks into."""
CELL_ID = "needs-repository"


def archive_bytes(root: Path) -> bytes:
    """The tracked files of ``root``'s checked-out commit as a gzipped tar, the same bytes for one commit.

    ``git archive`` dates every member by the commit; gzip gets no name and mtime 0. Raises
    RuntimeError naming the folder if it is not a git work tree.
    """
    result = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", f"--prefix={PREFIX}", "HEAD"],
                            capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"{root}: no source archive, `git archive` failed: "
                           f"{result.stderr.decode(errors='replace').strip()}")
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0, compresslevel=9) as archive:
        archive.write(result.stdout)
    return packed.getvalue()


def write_archive(root: Path, html: Path) -> Path | None:
    """Write :data:`ARCHIVE` into the built ``html``; without git history (an unpacked archive) say so
    and write nothing."""
    if not (root / ".git").exists():
        print(f"{root} is not a git work tree: the book gets no {ARCHIVE}")
        return None
    target = html / ARCHIVE
    target.write_bytes(archive_bytes(root))
    return target


def needs_repository(url: str) -> str:
    """The source of every notebook's first cell: without the analysis package, say what it needs and
    where to get it, the repository's public address ``url`` when one is set."""
    where = (f"Clone the repository ({url}) and run `make lab` in it (see README.md), or open the chapter "
             "on Binder with the launch button on its page in the book" if url else
             "There is no public address of the repository yet: download the book's source archive, "
             f"{ARCHIVE} (the download menu of every page of the book, 'Source (.tar.gz)'), unpack it and run "
             "`make lab` in it (see README.md); a launch button to Binder comes with the address")
    message = ("This notebook needs the repository of the report 'One article, claim by claim': its data/ "
               f"and its analysis package (article_analysis). {where}.")
    return ("import importlib.util\n\n"
            'if importlib.util.find_spec("article_analysis") is None:\n'
            f"    raise ModuleNotFoundError({message!r})")


def stamp(paths: list[Path], url: str, *, write: bool = True) -> list[Path]:
    """Give every notebook's first code cell the source :func:`needs_repository` writes for ``url``;
    the notebooks it changed (they then count as stale, their code changed), or with ``write=False``
    would change."""
    changed = []
    source = needs_repository(url)
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        cell = next(cell for cell in notebook.cells if cell.cell_type == "code")
        if cell.get("id") != CELL_ID:
            raise ValueError(f"{path}: the first code cell must be {CELL_ID!r}, got {cell.get('id')!r}")
        if cell.source != source:
            if write:
                cell.source = source
                nbformat.write(notebook, path)
            changed.append(path)
    return changed
