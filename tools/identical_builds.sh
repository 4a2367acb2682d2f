#!/usr/bin/env bash
# Two clean builds of the committed HEAD must give byte-identical HTML books. Each build runs in a
# fresh clone at the same path, with its own virtual environment made from the lock: what a stranger's
# `make book` does. Any difference (a date, a random id, an order) is listed and the script exits 1.
# (At two different paths only Sphinx's bookkeeping file .buildinfo differs: it hashes the configuration,
# which holds the absolute paths of the installed theme's templates and static files.)
#
#     tools/identical_builds.sh [SCRATCH_DIR]
set -euo pipefail
repository=$(git rev-parse --show-toplevel)
scratch=${1:-$(mktemp -d)}
commit=$(git -C "$repository" rev-parse HEAD)
for build in first second; do
    rm -rf "$scratch/clone" "$scratch/$build"
    git clone --quiet "$repository" "$scratch/clone"
    git -C "$scratch/clone" checkout --quiet "$commit"
    make -C "$scratch/clone" book > "$scratch/$build.log" 2>&1 || { tail -20 "$scratch/$build.log"; exit 1; }
    mv "$scratch/clone/_build/html" "$scratch/$build"
done
files=$(find "$scratch/first" -type f | wc -l)
if diff -r "$scratch/first" "$scratch/second" > "$scratch/differences.txt"; then
    echo "identical: $files files in two clean builds of $commit"
else
    echo "the two clean builds of $commit differ:"
    head -40 "$scratch/differences.txt"
    exit 1
fi
