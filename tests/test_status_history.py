"""The status history (data/status_history.csv): each refusal of its loader, injected alone into a copy
of data/, names the file, the row and the field; the committed history holds the rules."""
import re

from article_analysis.core import tables
from article_analysis.outcomes import model
from test_stances import edit
from test_tables import load_error, rewrite


def history_csv(data_copy):
    return data_copy.parent / "status_history.csv"


def append(data_copy, *values):
    rewrite(history_csv(data_copy), lambda rows: rows.append(list(values)))


def line_of(claim, effective):
    rows = (model.history()["claim"] + "/" + model.history()["effective"].map(str)).tolist()
    return rows.index(f"{claim}/{effective}") + 2


# --- each refusal ------------------------------------------------------------------------------------

def test_an_unknown_event_is_refused(data_copy):
    edit(history_csv(data_copy), {"claim": "C038", "effective": "2025-09-05"}, event_ids="E143;E999")
    assert re.search(rf"status_history\.csv, row C038/2025-09-05 \(line {line_of('C038', '2025-09-05')}\), "
                     r"field 'event_ids': unknown id 'E999'", load_error(data_copy, "status_history"))


def test_an_event_dated_after_the_row_is_refused(data_copy):
    edit(history_csv(data_copy), {"claim": "C038", "effective": "2025-09-05"}, event_ids="E143;E014")
    assert re.search(rf"status_history\.csv, row C038/2025-09-05 \(line {line_of('C038', '2025-09-05')}\), "
                     r"field 'event_ids': E014 is dated 2026-01-06, after the row's date 2025-09-05",
                     load_error(data_copy, "status_history"))


def test_a_row_before_the_article_is_refused(data_copy):
    edit(history_csv(data_copy), {"claim": "C038", "effective": "2025-09-05"}, effective="2025-09-01",
         event_ids="")
    edit(history_csv(data_copy), {"claim": "C038", "effective": "2025-09-01"}, status=model.NO_EVIDENCE)
    assert re.search(r"status_history\.csv, row C038/2025-09-01 \(line \d+\), field 'effective': 2025-09-01 is "
                     r"before the article \(2025-09-04\)", load_error(data_copy, "status_history"))


def test_rows_out_of_date_order_are_refused(data_copy):
    append(data_copy, "C038", "2025-09-04", "no_evidence_found", "", "A row dated before the claim's earlier row.")
    assert re.search(r"status_history\.csv, row C038/2025-09-04 \(line \d+\), field 'effective': 2025-09-04 is not "
                     r"after C038's previous row \(\d{4}-\d\d-\d\d\): append a claim's statuses in date order",
                     load_error(data_copy, "status_history"))


def test_a_row_that_repeats_the_status_is_refused(data_copy):
    last = model.history().groupby("claim").tail(1).set_index("claim").loc["C038"]
    append(data_copy, "C038", "2026-11-01", last["status"], "E143", "The same status again, which is no change.")
    assert re.search(rf"status_history\.csv, row C038/2026-11-01 \(line \d+\), field 'status': '{last['status']}' "
                     r"repeats C038's status of", load_error(data_copy, "status_history"))


def test_a_status_off_the_scale_is_refused(data_copy):
    edit(history_csv(data_copy), {"claim": "C038", "effective": "2025-09-05"}, status="broken")
    assert re.search(rf"status_history\.csv, row C038/2025-09-05 \(line {line_of('C038', '2025-09-05')}\), "
                     r"field 'status': 'broken' is not in the vocabulary", load_error(data_copy, "status_history"))


def test_a_claim_that_is_not_forward_looking_is_refused(data_copy):
    append(data_copy, "C042", "2025-09-05", "fulfilled", "E143", "A statement of fact takes no status at all.")
    assert re.search(r"status_history\.csv, row C042/2025-09-05 \(line \d+\), field 'claim': C042 is of type "
                     r"'statement_of_fact', which is not forward-looking", load_error(data_copy, "status_history"))


def test_a_status_without_a_dated_event_is_refused(data_copy):
    edit(history_csv(data_copy), {"claim": "C038", "effective": "2025-09-05"}, event_ids="")
    assert re.search(rf"status_history\.csv, row C038/2025-09-05 \(line {line_of('C038', '2025-09-05')}\), "
                     r"field 'event_ids': status 'fulfilled' rests on no dated, sourced event; cite one or use "
                     r"'no_evidence_found'", load_error(data_copy, "status_history"))


def test_no_evidence_found_needs_no_event(data_copy):
    edit(history_csv(data_copy), {"claim": "C038", "effective": "2025-09-05"}, status=model.NO_EVIDENCE,
         event_ids="")
    tables.clear_cache()
    assert model.load(data_copy).set_index("claim").loc["C038", "status"] == model.NO_EVIDENCE


# --- the committed history -----------------------------------------------------------------------------

def test_every_forward_looking_claim_has_a_history_that_reaches_its_status():
    history = model.history()
    assert set(history["claim"]) == set(model.load()["claim"])
    assert model.status_on(model.article_date()).eq(model.NOT_YET).all()
    latest = model.status_on(model.month_end(model.cut_off()))
    assert latest.to_dict() == model.load().set_index("claim")["status"].to_dict()


def test_counts_then_and_now_add_up_to_every_claim():
    counts = model.counts_then_and_now()
    claims = len(model.load())
    assert (counts[["on the article's date", "at the first assessment", "now"]].sum() == claims).all()
    assert counts.set_index("status").loc[model.NOT_YET, "on the article's date"] == claims


def test_changed_claims_are_those_with_more_than_one_row():
    history = model.history()
    changed = model.changed_claims()
    assert changed == sorted(c for c, n in history["claim"].value_counts().items() if n > 1)
    assert "C011" in changed  # announced in November, decided with the budget
