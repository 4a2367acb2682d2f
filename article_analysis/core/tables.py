"""Load the tables of ``data/`` through the schemas of ``data/datapackage.json``.

The data package is the contract between the data and the code: every table is read through its
Table Schema, so a malformed row fails loudly with the file, the row and the field it concerns, instead
of slipping into a chart. ``frictionless validate data/datapackage.json`` checks the same contract from
the outside (see ``tests/test_datapackage.py``); this module adds what frictionless does not check for
us (strict CSV, finite numbers, foreign keys into list fields, the checks across tables and files in
:mod:`.consistency`) and turns every fault into one readable message.

CSV is read strictly (RFC 4180): a value is either unquoted, without quotes, or wholly quoted with its
quotes doubled. No value may hold a line break: no table needs one, and a forgotten closing quote
would otherwise swallow the lines after it. So every row is one line, and a fault names its line.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import DATAPACKAGE, ROOT

MISSING = ""
TRUE_VALUES = {"true"}
FALSE_VALUES = {"false"}


class DataError(ValueError):
    """A data file is missing, malformed or inconsistent with its schema."""


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


@lru_cache(maxsize=None)
def _descriptor(package_path: Path) -> dict:
    where = display_path(package_path)
    if not package_path.exists():
        raise DataError(f"{where}: file not found")
    try:
        return json.loads(package_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataError(f"{where}: not valid JSON ({error})") from error


def resource(name: str, package: Path = DATAPACKAGE) -> dict:
    """The descriptor of the resource called ``name`` in the data package."""
    descriptor = _descriptor(Path(package))
    for candidate in descriptor.get("resources", []):
        if candidate.get("name") == name:
            return candidate
    known = ", ".join(r.get("name", "?") for r in descriptor.get("resources", []))
    raise DataError(f"{display_path(Path(package))}: no resource named '{name}' (known: {known})")


def resource_names(package: Path = DATAPACKAGE) -> list[str]:
    return [r["name"] for r in _descriptor(Path(package)).get("resources", [])]


def clear_cache() -> None:
    """Forget loaded descriptors and tables (tests edit copies of the data)."""
    _descriptor.cache_clear()
    _load_cached.cache_clear()


def load(name: str, package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Read the table ``name`` as typed columns, after checking every row against its schema.

    Raises :class:`DataError` naming the file, the row (its primary key, or its line) and the field.
    """
    return _load_cached(name, Path(package)).copy()


@lru_cache(maxsize=None)
def _load_cached(name: str, package: Path) -> pd.DataFrame:
    spec = resource(name, package)
    path = package.parent / spec["path"]
    where = display_path(path)
    schema = spec.get("schema")
    if schema is None:
        raise DataError(f"{display_path(package)}: resource '{name}' has no schema")
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    rows = _read_rows(path, names)
    key = schema.get("primaryKey")
    key_fields = [key] if isinstance(key, str) else list(key or [])

    records = []
    for line, raw in rows:
        label = _row_label(raw, key_fields, line)
        records.append({f["name"]: _cast(raw[f["name"]], f, where, label) for f in fields})
    table = pd.DataFrame({f["name"]: _column([r[f["name"]] for r in records], f) for f in fields},
                         columns=names)

    for field in fields:
        if field.get("constraints", {}).get("unique"):
            _check_unique(table, [field["name"]], where, rows, key_fields, "duplicate value")
    if key_fields:
        _check_unique(table, key_fields, where, rows, key_fields, "duplicate id")
    # Frictionless checks foreign keys on plain fields only; keys into list fields live under
    # "x-listForeignKeys" and are checked here with the same rule.
    for foreign in schema.get("foreignKeys", []) + schema.get("x-listForeignKeys", []):
        _check_foreign_key(table, foreign, name, package, where, rows, key_fields)
    from . import consistency  # imported here: its checks load other tables through this module

    for check in consistency.CHECKS.get(name, ()):
        check(Loaded(name, table, package, where, rows, key_fields))
    return table


@dataclass(frozen=True)
class Loaded:
    """A table that has passed its schema, as a check across tables sees it (see :mod:`.consistency`)."""

    name: str
    table: pd.DataFrame
    package: Path
    where: str
    rows: list
    key_fields: list

    def fault(self, index: int, field: str, message: str) -> DataError:
        """The error for ``field`` of the row at ``index``, with the row's key and its line."""
        line, raw = self.rows[index]
        return row_error(self.where, _row_label(raw, self.key_fields, line), field, message)

    def other(self, name: str) -> pd.DataFrame:
        """Another table of the same package, after its own checks (which must not lead back here)."""
        return _load_cached(name, self.package)

    def file_of(self, name: str) -> str:
        return file_of(name, self.package)


def _read_rows(path: Path, names: list[str]) -> list[tuple[int, dict]]:
    where = display_path(path)
    if not path.exists():
        raise DataError(f"{where}: file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{where}: not UTF-8 text ({error})") from error
    try:
        records = _records(text)
    except _QuoteFault as fault:
        field = names[fault.column] if fault.column < len(names) else f"column {fault.column + 1}"
        place = "header" if fault.line == 1 else f"line {fault.line}"
        raise DataError(f"{where}, {place}, field '{field}': {fault.message}") from None
    if not records:
        raise DataError(f"{where}: empty file, expected a header row: {','.join(names)}")
    header = records[0][1]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = []
        if missing:
            detail.append(f"missing column(s) {missing}")
        if extra:
            detail.append(f"unexpected column(s) {extra}")
        if not detail:
            detail.append(f"columns out of order, expected {names}")
        raise DataError(f"{where}, header: " + "; ".join(detail))
    rows = []
    for line, values in records[1:]:
        if values == [""]:
            raise DataError(f"{where}, line {line}: blank line")
        if len(values) != len(names):
            raise DataError(
                f"{where}, line {line}: {len(values)} values for {len(names)} columns"
                " (an unquoted comma or a missing value?)"
            )
        rows.append((line, dict(zip(names, values))))
    return rows


class _QuoteFault(Exception):
    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
_UNQUOTED = re.compile(r'[^",\r\n]*')
_TO_SEPARATOR = re.compile(r"[^,\r\n]*")
_LINE_END = re.compile(r"\r\n|\n|\r|\Z")


def _records(text: str) -> list[tuple[int, list[str]]]:
    """The records of ``text`` with their line numbers, read as strict RFC 4180 CSV (one record per
    line). The csv module would read a stray quote as text, or let a quoted value run over lines, and
    its errors name neither the field nor the quote: this reader names both."""
    records = []
    position, line = 0, 1
    while position < len(text):
        values = []
        while True:
            column = len(values)
            if text.startswith('"', position):
                quoted = _QUOTED.match(text, position)
                if quoted is None:
                    raise _QuoteFault(line, column, "the quote that opens this value is never closed")
                if "\n" in quoted.group(1) or "\r" in quoted.group(1):
                    raise _QuoteFault(line, column, "the quoted value runs past the end of the line: a closing "
                                                    "quote is missing (no value may hold a line break)")
                values.append(quoted.group(1).replace('""', '"'))
                position = quoted.end()
                if position < len(text) and text[position] not in ",\r\n":
                    after = _TO_SEPARATOR.match(text, position).group()
                    raise _QuoteFault(line, column, f"text {after!r} after the closing quote: a quote inside "
                                                    "a quoted value must be doubled")
            else:
                unquoted = _UNQUOTED.match(text, position)
                position = unquoted.end()
                if text.startswith('"', position):
                    value = _TO_SEPARATOR.match(text, unquoted.start()).group()
                    raise _QuoteFault(line, column, f"a quote inside the unquoted value {value!r}: "
                                                    "quote the whole value and double the quote inside it")
                values.append(unquoted.group())
            if text.startswith(",", position):
                position += 1
                continue
            position = _LINE_END.match(text, position).end()
            break
        records.append((line, values))
        line += 1
    return records


def _row_label(raw: dict, key_fields: list[str], line: int) -> str:
    if key_fields and all(raw.get(k) for k in key_fields):
        key = "/".join(raw[k] for k in key_fields)
        return f"row {key} (line {line})"
    return f"line {line}"


def row_error(where: str, label: str, field: str, message: str) -> DataError:
    """The one form of every data error: file, row, field, then what is wrong."""
    return DataError(f"{where}, {label}, field '{field}': {message}")


def row_label(key: str, index: int) -> str:
    """How an error names the row at ``index`` of a loaded table: rows keep file order, the header is
    line 1 and blank lines are refused, so row ``index`` is on line ``index + 2``."""
    return f"row {key} (line {index + 2})"


def file_of(name: str, package: Path = DATAPACKAGE) -> str:
    """The data file of resource ``name``, as error messages show it."""
    return display_path(Path(package).parent / resource(name, package)["path"])


def _cast(value: str, field: dict, where: str, label: str):
    name = field["name"]
    constraints = field.get("constraints", {})
    if value == MISSING:
        if constraints.get("required"):
            raise row_error(where, label, name, "missing required value")
        return [] if field.get("type") == "list" else None
    kind = field.get("type", "string")
    if kind == "list":
        items = value.split(field.get("delimiter", ","))
        if any(item == "" for item in items):
            raise row_error(where, label, name, f"empty item in list {value!r}")
        item_field = {"name": name, "type": field.get("itemType", "string"),
                      "constraints": field.get("itemConstraints", {})}
        return [_cast(item, item_field, where, label) for item in items]
    typed = _convert(value, kind, where, label, name)
    _check_constraints(typed, value, constraints, where, label, name)
    return typed


# ASCII digits only: float() and int() would also take ' 64.6 ', '1_000', 'nan', 'inf' and other scripts' digits.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


_EXPECTED = {"integer": "a valid integer", "number": "a finite decimal number (such as 64.6, -43 or 1e3; "
                                                     "no spaces, no '_')"}


def _convert(value: str, kind: str, where: str, label: str, name: str):
    try:
        if kind == "string":
            return value
        if kind == "integer":
            if not _INTEGER.fullmatch(value):
                raise ValueError
            return int(value)
        if kind == "number":
            if not _NUMBER.fullmatch(value) or not math.isfinite(float(value)):
                raise ValueError
            return float(value)
        if kind == "boolean":
            if value in TRUE_VALUES:
                return True
            if value in FALSE_VALUES:
                return False
            raise ValueError
        if kind == "date":
            return dt.date.fromisoformat(value)
    except ValueError:
        expected = _EXPECTED.get(kind, f"a valid {kind}")
        raise row_error(where, label, name, f"{value!r} is not {expected}") from None
    raise row_error(where, label, name, f"unsupported field type '{kind}' in the schema")


def _check_constraints(typed, raw: str, constraints: dict, where: str, label: str, name: str):
    if "enum" in constraints and raw not in constraints["enum"]:
        allowed = ", ".join(constraints["enum"])
        raise row_error(where, label, name, f"{raw!r} is not in the vocabulary ({allowed})")
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], raw):
        raise row_error(where, label, name, f"{raw!r} does not match the pattern {constraints['pattern']}")
    if "minimum" in constraints and typed < constraints["minimum"]:
        raise row_error(where, label, name, f"{raw} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and typed > constraints["maximum"]:
        raise row_error(where, label, name, f"{raw} is above the maximum {constraints['maximum']}")
    if "exclusiveMinimum" in constraints and typed <= constraints["exclusiveMinimum"]:
        raise row_error(where, label, name, f"{raw} is not above {constraints['exclusiveMinimum']}")
    if "exclusiveMaximum" in constraints and typed >= constraints["exclusiveMaximum"]:
        raise row_error(where, label, name, f"{raw} is not below {constraints['exclusiveMaximum']}")
    if "minLength" in constraints and len(raw) < constraints["minLength"]:
        raise row_error(where, label, name, f"{raw!r} is shorter than {constraints['minLength']} characters")


def _column(values: list, field: dict) -> pd.Series:
    """A column with a dtype that keeps missing values as missing, not as the string 'nan'."""
    kind = field.get("type", "string")
    has_missing = any(v is None for v in values)
    if kind == "integer":
        return pd.Series(values, dtype="Int64" if has_missing else "int64")
    if kind == "number":
        return pd.Series(values, dtype="float64")
    if kind == "boolean" and not has_missing:
        return pd.Series(values, dtype="bool")
    # Strings, dates and lists stay Python objects; a missing value stays None.
    return pd.Series(values, dtype=object)


def _check_unique(table, fields, where, rows, key_fields, what):
    seen: dict = {}
    for index, values in enumerate(zip(*(table[f] for f in fields))):
        if any(v is None for v in values):
            continue
        if values in seen:
            line = rows[index][0]
            first = rows[seen[values]][0]
            label = _row_label(rows[index][1], key_fields, line)
            value = "/".join(str(v) for v in values)
            raise row_error(where, label, "/".join(fields), f"{what} {value!r} (first on line {first})")
        seen[values] = index


def _check_foreign_key(table, foreign, name, package, where, rows, key_fields):
    local = foreign["fields"]
    local = local[0] if isinstance(local, list) else local
    target = foreign["reference"]
    target_name = target.get("resource") or name
    target_field = target["fields"]
    target_field = target_field[0] if isinstance(target_field, list) else target_field
    target_table = table if target_name == name else _load_cached(target_name, package)
    allowed = set(target_table[target_field].dropna())
    target_where = display_path(package.parent / resource(target_name, package)["path"])
    for index, value in enumerate(table[local]):
        values = value if isinstance(value, list) else [value]
        for item in values:
            if item is not None and item not in allowed:
                label = _row_label(rows[index][1], key_fields, rows[index][0])
                raise row_error(where, label, local,
                            f"unknown id {item!r}: not a '{target_field}' in {target_where}")
