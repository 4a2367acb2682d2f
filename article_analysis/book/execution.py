"""Execute the book's notebooks in place: only those whose inputs changed, in parallel, strictly.

A notebook's inputs are found while it runs, not listed by hand. Before the first cell, the kernel
installs an audit hook (``sys.addaudithook``) that notes every file it opens for reading; after the
last cell it reports those files and the files of every module it imported. Whatever of these lies
in the repository (outside the virtual environment) is recorded in the notebook's metadata under
``executed_from``, each with its SHA-256, together with a hash of the notebook's code cells and of
the pinned environment (``requirements.txt``)::

    "executed_from": {"code": "<sha256>", "files": {"data/claims.csv": "<sha256>", ...}}

A notebook is *stale* when its code cells or any recorded file no longer hash the same (a file that
is gone counts as changed), or when it has no record. Editing a Markdown cell changes neither, so it
needs no execution; a data file or module that a notebook starts to use is recorded the next time it
runs, because its code (or a module it imports) changed for it to be used.

Execution is strict, as the book's build was: a cell that raises, or anything written to stderr,
fails the notebook, and a failed notebook is not written. Notebooks run concurrently (one kernel
each, as many at once as the machine has cores), without wall-clock timestamps in the cell metadata.

    python -m article_analysis.book.execution [--stale] NOTEBOOK...   (`make notebooks`)

`make book` runs it through :mod:`article_analysis.book.build`, which also renders the book.
"""
from __future__ import annotations

import argparse
import ast
import asyncio
import concurrent.futures
import hashlib
import inspect
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.paths import ROOT

RECORD = "executed_from"
# The pinned environment: a notebook is stale when the lock changes, whatever it imports.
ENVIRONMENT = ("requirements.txt",)
TIMEOUT = 600
CHANGED_WHILE_RUNNING = "changed while the notebook ran"


class ExecutionError(RuntimeError):
    """A notebook raised, wrote to stderr or could not be executed."""


def file_digest(path: Path) -> str | None:
    """SHA-256 of the file's bytes, or None if it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def code_digest(notebook: dict) -> str:
    """SHA-256 of the notebook's code cells, in order; Markdown and outputs do not count."""
    sources = ["".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
               for cell in notebook["cells"] if cell["cell_type"] == "code"]
    return hashlib.sha256(json.dumps(sources).encode("utf-8")).hexdigest()


def stale_reasons(path: Path, root: Path = ROOT) -> list[str]:
    """Why the notebook at ``path`` must be executed again; empty if its outputs are current."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    record = notebook.get("metadata", {}).get(RECORD)
    if record is None:
        return [f"it has no '{RECORD}' record (never executed by this tool)"]
    reasons = []
    if record.get("code") != code_digest(notebook):
        reasons.append("its code cells changed")
    recorded = record.get("files", {})
    for name in sorted(set(recorded) | {name for name in ENVIRONMENT if (root / name).exists()}):
        current = file_digest(root / name)
        if recorded.get(name) != current:
            reasons.append(f"{name} {'is gone' if current is None else 'changed'}")
    return reasons


def _record_inputs(root: str) -> None:
    """Runs inside the kernel, before the first cell: note every file opened for reading.

    Its source is sent to the kernel as a silent execution (no execution count, no output); the
    result lives in a module of its own so that no name appears in the notebook's namespace.
    """
    import os
    import sys
    import types

    recorder = types.ModuleType("_notebook_inputs")
    opened = set()
    skipped = (os.path.join(sys.prefix, ""), os.path.join(sys.base_prefix, ""))
    inside = os.path.join(root, "")

    def note_reads(event, args):
        if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
            return
        mode, flags = args[1], args[2]
        writes_only = ("r" not in mode and "+" not in mode) if isinstance(mode, str) \
            else (flags & os.O_ACCMODE) == os.O_WRONLY
        if not writes_only:
            opened.add(os.path.abspath(os.fsdecode(args[0])))

    def report():
        imported = {getattr(module, "__file__", None) for module in list(sys.modules.values())}
        files = {os.path.abspath(name) for name in opened | imported if isinstance(name, str)}
        return sorted(name for name in files if name.startswith(inside) and not name.startswith(skipped))

    recorder.report = report
    sys.modules[recorder.__name__] = recorder
    sys.addaudithook(note_reads)


async def _run_silently(client, code: str, expression: str | None = None):
    """Run ``code`` in the client's kernel without a trace in the notebook; return ``expression``."""
    expressions = {"value": expression} if expression else {}
    msg_id = client.kc.execute(code, silent=True, store_history=False, user_expressions=expressions)
    reply = (await client.async_wait_for_reply(msg_id))["content"]
    if reply["status"] != "ok":
        raise ExecutionError(f"the input recorder failed in the kernel: {reply.get('evalue', reply)}")
    if expression:
        value = reply["user_expressions"]["value"]
        if value["status"] != "ok":
            raise ExecutionError(f"the input recorder failed in the kernel: {value.get('evalue', value)}")
        return ast.literal_eval(value["data"]["text/plain"])
    return None


def _stderr_outputs(notebook) -> list[str]:
    return [f"cell {index} wrote to stderr: {output['text'].strip()[:500]}"
            for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"
            for output in cell.outputs if output.get("output_type") == "stream" and output.get("name") == "stderr"]


async def execute_notebook(path: Path, root: Path = ROOT, timeout: int = TIMEOUT) -> None:
    """Execute ``path`` top to bottom in a fresh kernel and write it back with its input record.

    Raises :class:`ExecutionError` (and leaves the file as it was) if a cell raises or writes to stderr.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from traitlets.config import Config

    root = root.resolve()
    notebook = nbformat.read(path, as_version=4)
    # The inputs it read last time, hashed before it runs: one that changes during the run is
    # recorded as changed, so the next build executes the notebook again.
    before = {name: file_digest(root / name) for name in notebook.metadata.get(RECORD, {}).get("files", {})}
    recorder = f"{inspect.getsource(_record_inputs)}\n_record_inputs({str(root)!r})\ndel _record_inputs\n"
    # The kernel talks over Unix sockets in a folder of its own: kernels starting at once cannot race
    # for a TCP port ("Address already in use"), and nothing is sent over the network stack.
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        sockets_only = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "socket")}})
        # No widget state is stored: no page reads it, and a live notebook rebuilds its panels when run.
        client = NotebookClient(notebook, timeout=timeout, allow_errors=False, record_timing=False,
                                store_widget_state=False,
                                resources={"metadata": {"path": str(path.parent)}}, config=sockets_only)
        try:
            # The kernel stays up after the cells (cleanup_kc=False) so that it can report what it read.
            async with client.async_setup_kernel():
                await _run_silently(client, recorder)
                await client.async_execute(cleanup_kc=False)
                used = await _run_silently(client, "", "__import__('_notebook_inputs').report()")
        except CellExecutionError as error:
            raise ExecutionError(f"{path}: a cell raised\n{error}") from None
    problems = _stderr_outputs(notebook)
    if problems:
        raise ExecutionError(f"{path}: " + "; ".join(problems))
    files = {Path(name).relative_to(root).as_posix() for name in used}
    files = {name for name in files if "__pycache__" not in name.split("/")}
    files |= {name for name in ENVIRONMENT if (root / name).exists()}
    digests = {name: file_digest(root / name) for name in sorted(files) if (root / name).is_file()}
    notebook.metadata.pop("widgets", None)  # state an earlier run stored
    notebook.metadata[RECORD] = {
        "code": code_digest(notebook),
        "files": {name: digest if before.get(name, digest) == digest else CHANGED_WHILE_RUNNING
                  for name, digest in digests.items()},
    }
    nbformat.write(notebook, path)



def _run_to_completion(coroutine):
    """Run ``coroutine`` to its end, also when called from a thread whose event loop is already running
    (a test process that holds a Playwright session, say), where ``asyncio.run`` refuses."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()

@dataclass
class Outcome:
    path: Path
    error: ExecutionError | None = None


async def _execute_all(paths: list[Path], root: Path, jobs: int, timeout: int) -> list[Outcome]:
    slots = asyncio.Semaphore(jobs)

    async def one(path: Path) -> Outcome:
        async with slots:
            try:
                await execute_notebook(path, root, timeout)
            except ExecutionError as error:
                return Outcome(path, error)
            except Exception as error:  # a kernel that dies or times out fails its notebook only
                return Outcome(path, ExecutionError(f"{path}: {type(error).__name__}: {error}"))
            return Outcome(path)

    return await asyncio.gather(*(one(path) for path in paths))


def execute(paths: list[Path], root: Path = ROOT, jobs: int | None = None, timeout: int = TIMEOUT) -> None:
    """Execute every notebook in ``paths``, ``jobs`` at a time; all run even if one fails.

    Raises :class:`ExecutionError` listing every notebook that failed (those files are left unchanged).
    """
    jobs = jobs or len(os.sched_getaffinity(0))
    outcomes = _run_to_completion(_execute_all(list(paths), root, jobs, timeout))
    failures = [str(outcome.error) for outcome in outcomes if outcome.error]
    if failures:
        raise ExecutionError("\n\n".join(failures))


def stale(paths: list[Path], root: Path = ROOT) -> dict[Path, list[str]]:
    """The notebooks among ``paths`` that must be executed again, each with its reasons."""
    reasons = {path: stale_reasons(path, root) for path in paths}
    return {path: why for path, why in reasons.items() if why}


def update(paths: list[Path], root: Path = ROOT, jobs: int | None = None, timeout: int = TIMEOUT) -> list[Path]:
    """Execute the stale notebooks among ``paths`` (see :func:`execute`); return those executed."""
    chosen = list(stale(paths, root))
    if chosen:
        execute(chosen, root, jobs, timeout)
    return chosen


def skip_iri_parser() -> None:
    """Let this process import jsonschema without its IRI format checker.

    jsonschema eagerly imports rfc3987_syntax, which builds some 35 Earley parsers: about 2 s of CPU
    in every process that imports nbformat, Jupyter Book or Altair (python-jsonschema/jsonschema#1428).
    The executor and the book's render validate nothing against the "iri" format (nbformat, Jupyter
    Book and Sphinx pass no format checker), so their processes go without it. Never call this in a
    kernel: the notebooks' code runs with the environment as it is.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def report(stale_notebooks: dict[Path, list[str]]) -> None:
    for path, reasons in stale_notebooks.items():
        print(f"{path} is stale: {'; '.join(reasons)}")


def main(argv: list[str] | None = None) -> int:
    skip_iri_parser()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--stale", action="store_true", help="execute only the notebooks whose inputs changed")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository whose files count as inputs")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks at once (default: one per core)")
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds a cell may run")
    args = parser.parse_args(argv)

    chosen = list(args.notebooks)
    if args.stale:
        reasons = stale(chosen, args.root)
        report(reasons)
        chosen = list(reasons)
    if not chosen:
        print(f"{len(args.notebooks)} notebook(s) up to date; nothing executed")
        return 0
    print(f"executing {len(chosen)} notebook(s): {' '.join(map(str, chosen))}", flush=True)
    try:
        execute(chosen, args.root, args.jobs, args.timeout)
    except ExecutionError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
