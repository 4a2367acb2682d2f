#!/usr/bin/env bash
# The unit tests, N times in a row (default 20), each run with a fresh, empty Hypothesis database (so
# no run replays an example an earlier one found) and Hypothesis's own random seed: a flaky test shows
# up as a failed run. Stops at the first failure. The unit tests are every test file that needs no built
# book, no browser, no kernel and no fresh install: all of the property (Hypothesis) tests are among them.
#
#     tools/fresh_runs.sh [N]
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
runs=${1:-20}
unit_tests=(tests/test_air_defence.py tests/test_air_defence_record.py tests/test_article.py
    tests/test_claims.py tests/test_consistency.py tests/test_datapackage.py tests/test_editorial.py
    tests/test_escaping.py tests/test_factcheck.py tests/test_findings.py tests/test_guarantors.py
    tests/test_layout.py tests/test_mutation_tool.py tests/test_outcomes.py tests/test_paths.py
    tests/test_power.py tests/test_prose_numbers.py tests/test_render.py tests/test_stances.py
    tests/test_tables.py tests/test_trajectory.py tests/test_widgets.py)
for run in $(seq 1 "$runs"); do
    database=$(mktemp -d)
    if ! HYPOTHESIS_STORAGE_DIRECTORY="$database" .venv/bin/pytest -q -p no:cacheprovider -p no:randomly \
            "${unit_tests[@]}" > "$database.log" 2>&1; then
        tail -40 "$database.log"
        echo "run $run of $runs failed (log: $database.log)"
        exit 1
    fi
    echo "run $run of $runs: $(tail -1 "$database.log")"
    rm -rf "$database" "$database.log"
done
