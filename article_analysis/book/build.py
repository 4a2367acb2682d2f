"""`make book`: execute the stale notebooks, then render the book, strictly and incrementally.

The notebooks whose inputs changed (see :mod:`article_analysis.book.execution`) are executed first,
their kernels in processes of their own; the render starts once every execution succeeded. (Executing
them in a thread beside the import of Jupyter Book saved 0.04 s and, once in CI, broke that import:
two threads importing `jupyter_client` at once can leave one of them a partly initialised module.) Rendering is Jupyter
Book's (`jupyter-book build -W -n --keep-going`, with its own execution off): Sphinx re-reads only the
notebooks changed since the last build. A failed render removes ``_build``, because Sphinx would not
warn again about pages it has already read: the next build starts clean and reports the same faults.
Before anything, every notebook's first cell gets the message of ``repository.url`` (a changed cell makes
its notebook stale); after the render, the source archive is written beside the pages
(:mod:`article_analysis.book.source`).

    python -m article_analysis.book.build [--check] [--root DIR] NOTEBOOK...
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from . import execution, source
from ..core.paths import ROOT

STRICT = ["-W", "-n", "--keep-going"]


def main(argv: list[str] | None = None) -> int:
    execution.skip_iri_parser()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true",
                        help="execute nothing; fail if any notebook is stale (what CI does)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the book's folder, also the repository")
    args = parser.parse_args(argv)

    config = yaml.safe_load((args.root / "_config.yml").read_text(encoding="utf-8"))
    url = (config.get("repository") or {}).get("url") or ""
    if args.check:
        unstamped = [path for path in args.notebooks if source.stamp([path], url, write=False)]
        if unstamped:
            print(f"{', '.join(map(str, unstamped))}: the first cell does not name {url or source.ARCHIVE}; "
                  "run `make book` and commit the result.", file=sys.stderr)
            return 1
    else:
        source.stamp(args.notebooks, url)
    stale = execution.stale(args.notebooks, args.root)
    execution.report(stale)
    if stale and args.check:
        print("Execute them with `make notebooks` and commit the result.", file=sys.stderr)
        return 1
    if stale:
        print(f"executing {len(stale)} notebook(s)", flush=True)
        try:
            execution.execute(list(stale), args.root)
        except execution.ExecutionError as error:
            print(error, file=sys.stderr)
            return 1
    from jupyter_book.cli.main import build as jupyter_book_build

    rendered = False
    try:
        jupyter_book_build.main([str(args.root), *STRICT], prog_name="jupyter-book build", standalone_mode=False)
        source.write_archive(args.root, args.root / "_build" / "html")
        rendered = True
    finally:
        if not rendered:
            shutil.rmtree(args.root / "_build", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
