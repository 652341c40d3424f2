#!/usr/bin/env bash
# The demo: installs what is missing, builds the widget (release) and the
# sandbox, then serves both from one process at http://127.0.0.1:8080/
# with seeded data. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-widget.sh --release
cargo build --release -p mobproc-sandbox
ADDR=${MOBPROC_SANDBOX_ADDR:-127.0.0.1:8080}
DB=${MOBPROC_SANDBOX_DB:-target/demo.sqlite3}
mkdir -p "$(dirname "$DB")"
echo
echo "Widget:   http://$ADDR/"
echo "Portal:   http://$ADDR/portal.html (the widget embedded in an example intranet page)"
echo "Sign in as peter.edwards / sandbox (more users on the sign-in page)."
echo
# (cargo run: the binary wherever CARGO_TARGET_DIR puts it.)
exec cargo run --quiet --release -p mobproc-sandbox -- --addr "$ADDR" --static-dir dist --db "$DB" "$@"
