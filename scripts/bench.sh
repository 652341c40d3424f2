#!/usr/bin/env bash
# The performance benchmark (not a test; README.md, "Performance"): builds
# the release widget into its own directory, target/bench-dist (dist/ is
# left alone), then runs benches/widget.rs against it in headless Chromium.
# It also builds bench/floor (the smallest app on the same stack) into
# target/bench-floor for the size floor row.
# Results: target/bench/results.json and results.md; the table is printed.
#
#   MOBPROC_BENCH_RUNS=7           start-up and review runs, each page
#   MOBPROC_BENCH_FILTER_ROUNDS=3  passes over the catalog queries
#   MOBPROC_BENCH_SCROLL_STEP=440  pixels per frame when scrolling the list
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

rm -rf target/bench-dist target/bench-one-flow
scripts/build-widget.sh --release --dist target/bench-dist
# The same widget offering only the upgrade, for the first load's row
# "with the upgrade only" (the first load must not grow with order types).
scripts/build-widget.sh --release --dist target/bench-one-flow --features upgrade-only

# The size floor, bench/floor: the same stack and profile, without the
# workspace's erase_components flag (it makes an app this small larger).
rm -rf target/bench-floor
(cd bench/floor && PATH="$PWD/../../.tools/node_modules/.bin:$PATH" RUSTFLAGS="" \
  CARGO_TARGET_DIR="$PWD/../../target/floor" trunk build --release --offline --dist ../../target/bench-floor)

MOBPROC_DIST=target/bench-dist MOBPROC_FLOOR_DIST="$PWD/target/bench-floor" \
  MOBPROC_ONE_FLOW_DIST="$PWD/target/bench-one-flow" cargo bench --bench widget
