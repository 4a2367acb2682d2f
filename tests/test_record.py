"""The maintainer's one step (article_analysis.outcomes.record): an event and a status change are added
all or nothing; a fault names the real file, row and field and leaves data/ as it was."""
import re

import pytest

from article_analysis.core import tables
from article_analysis.outcomes import model, record

SOURCE = {"publisher": "Council of the EU", "title": "Press release (test)", "url": "https://example.org/release",
          "date_published": "2026-08-20", "refers_to": "2026-08-20", "date_accessed": "2026-12-04",
          "language": "en", "note": "Read: a test row."}
EVENT = {"date": "2026-08-20", "theme": "summit", "actors": "putin;zelensky",
         "what": "A test event: a meeting is announced."}
STATUS = {"claim": "C014", "status": "in_progress", "reason": "A test status: the announced meeting is a step."}


def snapshot(data_copy):
    return {path.name: path.read_bytes() for path in sorted(data_copy.parent.rglob("*.csv"))}


def test_an_event_and_a_status_change_are_added_together(data_copy):
    given = record.add(EVENT, STATUS, SOURCE, package=data_copy)
    assert re.fullmatch(r"E\d{3}", given["event"]) and re.fullmatch(r"S\d{3}", given["source"])
    tables.clear_cache()
    history = model.history(data_copy)
    latest = history[history["claim"] == "C014"].iloc[-1]
    assert (latest["status"], latest["effective"].isoformat(), latest["event_ids"]) == (
        "in_progress", "2026-08-20", [given["event"]])
    event = model.events(data_copy).set_index("id").loc[given["event"]]
    assert event["source_ids"] == [given["source"]]
    assert given["event"] in model.load(data_copy).set_index("claim").loc["C014", "event_ids"]


def test_a_fault_names_the_real_file_and_writes_nothing(data_copy):
    before = snapshot(data_copy)
    with pytest.raises(tables.DataError) as caught:
        record.add(EVENT, {**STATUS, "status": "stalled"}, SOURCE, package=data_copy)  # C014 is stalled already
    message = str(caught.value)
    assert re.search(r"status_history\.csv, row C014/2026-08-20 \(line \d+\), field 'status': 'stalled' repeats",
                     message)
    assert f"{data_copy.parent}/status_history.csv, row" in message  # the real file, not the scratch copy
    assert snapshot(data_copy) == before


def test_an_event_dated_after_its_status_is_refused_and_nothing_written(data_copy):
    before = snapshot(data_copy)
    with pytest.raises(tables.DataError, match=r"field 'event_ids': E\d{3} is dated 2026-08-20, after the row's "
                                               r"date 2026-08-19"):
        record.add(EVENT, {**STATUS, "effective": "2026-08-19"}, SOURCE, package=data_copy)
    assert snapshot(data_copy) == before


def test_an_unknown_field_is_refused(data_copy):
    with pytest.raises(tables.DataError, match=r"events\.csv: no field\(s\) colour"):
        record.add({**EVENT, "colour": "red"}, STATUS, SOURCE, package=data_copy)


def test_the_command_line_says_nothing_was_written(data_copy, capsys):
    code = record.main(["--package", str(data_copy), "--event", *(f"{k}={v}" for k, v in EVENT.items()),
                        "--status", "claim=C014", "status=broken", "reason=A status that is off the scale.",
                        "--source", *(f"{k}={v}" for k, v in SOURCE.items())])
    assert code == 1
    assert capsys.readouterr().err.startswith("Nothing was written: ")
