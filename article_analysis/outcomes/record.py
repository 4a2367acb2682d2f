"""One step for a maintainer: add a dated event (with a new source if need be) and the status change it
brings, checked by every loader before anything is written.

    python -m article_analysis.outcomes.record \\
        --source publisher="Council of the EU" title="..." url=https://... date_published=2026-09-10 \\
                 refers_to=2026-09-10 language=en note="Read: ..." \\
        --event date=2026-09-10 theme=sanctions actors=european_supporters what="..." \\
        --status claim=C013 status=fulfilled reason="..."

The new source and event get the next free ids (``S…``, ``E…``); ``source_ids=new`` (the default when a
source is given) cites the new source, and the status row rests on the new event (plus ``also=E0xx;…``)
and takes effect on its date unless ``effective=`` says otherwise; the event joins the claim's row of
``data/outcomes.csv``. The rows are first written into a copy of ``data/``, and every table the chapter
reads is loaded from that copy: a fault raises :class:`tables.DataError` naming the real file, row and
field, and nothing in ``data/`` changes. Only a copy that passes replaces the files.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..core import tables
from ..core.paths import DATAPACKAGE


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _append(path: Path, values: dict[str, str]) -> list[str]:
    rows = _rows(path)
    header = rows[0]
    unknown = sorted(set(values) - set(header))
    if unknown:
        raise tables.DataError(f"{tables.display_path(path)}: no field(s) {', '.join(unknown)}; the fields are "
                               f"{', '.join(header)}")
    rows.append([values.get(field, "") for field in header])
    _write(path, rows)
    return rows[-1]


def _next_id(path: Path, prefix: str) -> str:
    numbers = [int(row[0][1:]) for row in _rows(path)[1:] if row and row[0].startswith(prefix)]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def _check(package: Path) -> None:
    """Load, from ``package``, every table an event and a status change touch, with all their checks."""
    from . import model, search_log

    tables.clear_cache()
    try:
        model.load(package)
        search_log.load(package)
        model.stances_later(package)
    finally:
        tables.clear_cache()


def add(event: dict[str, str], status: dict[str, str], source: dict[str, str] | None = None,
        package: Path = DATAPACKAGE) -> dict[str, str]:
    """Add ``source`` (optional), ``event`` and the ``status`` row to the data package, all or nothing.

    Returns the ids given: ``{"event": "E…", "source": "S…"}``.
    """
    package = Path(package).resolve()
    data = package.parent
    files = {name: Path(tables.resource(name, package)["path"]) for name in
             ("sources", "events", "status_history", "outcomes")}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / data.name
        shutil.copytree(data, copy)
        given: dict[str, str] = {}
        event = dict(event)
        if source is not None:
            given["source"] = _next_id(copy / files["sources"], "S")
            _append(copy / files["sources"], {"date_accessed": "", **source, "id": given["source"]})
            if event.get("source_ids", "new") == "new":
                event["source_ids"] = given["source"]
        given["event"] = _next_id(copy / files["events"], "E")
        _append(copy / files["events"], {**event, "id": given["event"]})
        status = dict(status)
        also = [e for e in status.pop("also", "").split(";") if e]
        row = {"effective": event.get("date", ""), **status, "event_ids": ";".join([*also, given["event"]])}
        _append(copy / files["status_history"], row)
        outcomes = _rows(copy / files["outcomes"])
        claim_column, events_column = outcomes[0].index("claim"), outcomes[0].index("event_ids")
        for line in outcomes[1:]:
            if line[claim_column] == status.get("claim"):
                cited = [e for e in line[events_column].split(";") if e]
                line[events_column] = ";".join(dict.fromkeys([*cited, *also, given["event"]]))
        _write(copy / files["outcomes"], outcomes)
        try:
            _check(copy / package.name)
        except tables.DataError as error:
            # Name the real files, not the scratch copy that was checked.
            raise tables.DataError(str(error).replace(str(copy), tables.display_path(data))) from None
        for relative in files.values():
            staged = (data / relative).with_suffix(".csv.new")
            shutil.copyfile(copy / relative, staged)
            os.replace(staged, data / relative)
    tables.clear_cache()
    return given


def _pairs(values: list[str] | None) -> dict[str, str] | None:
    if values is None:
        return None
    pairs = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep:
            raise SystemExit(f"expected FIELD=VALUE, got {value!r}")
        pairs[key] = text
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--event", nargs="+", required=True, metavar="FIELD=VALUE",
                        help="the event's fields (date, theme, actors, what, source_ids, note)")
    parser.add_argument("--status", nargs="+", required=True, metavar="FIELD=VALUE",
                        help="the status row (claim, status, reason; optional effective, also)")
    parser.add_argument("--source", nargs="+", metavar="FIELD=VALUE",
                        help="a new source the event cites (publisher, title, url, via_url, date_published, "
                             "refers_to, date_accessed, language, licence, note)")
    parser.add_argument("--package", type=Path, default=DATAPACKAGE, help="the data package (data/datapackage.json)")
    arguments = parser.parse_args(argv)
    try:
        given = add(_pairs(arguments.event), _pairs(arguments.status), _pairs(arguments.source), arguments.package)
    except tables.DataError as error:
        print(f"Nothing was written: {error}", file=sys.stderr)
        return 1
    print("Added " + ", ".join(f"{kind} {identifier}" for kind, identifier in given.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
