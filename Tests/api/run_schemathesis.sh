#!/usr/bin/env bash
# Checks the running API against its OpenAPI document with schemathesis.
#
#   Tests/api/run_schemathesis.sh [path to a built styrbord binary]   (default .build/debug/styrbord)
#
# Starts the binary on a fresh temporary SQLite file with the demo municipality (slug `sjovik`),
# waits for /healthz, makes a read-write API token for the demo administrator with
# `styrbord token create`, runs every check on every operation in the document as that
# administrator, stops the server and exits non-zero on any failure. Settings are in
# Tests/api/schemathesis.toml, the project's own checks in Tests/api/hooks.py. Tunables (environment):
#   SCHEMATHESIS         the schemathesis command (default: on PATH, else .venv/bin/schemathesis)
#   ST_MAX_EXAMPLES      test cases per operation and phase (default 30)
#   ST_MAX_TIME          seconds schemathesis may spend in all (default 420)
#   ST_SEED              a seed, to replay a run
#   ST_REPORTS           report formats (default junit; e.g. junit,har,ndjson)
#   ST_REPORT_DIR        where to keep the reports and the server log (default artifacts/schemathesis)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:-$root/.build/debug/styrbord}"
max_examples="${ST_MAX_EXAMPLES:-30}"
max_time="${ST_MAX_TIME:-420}"

if [[ ! -x "$binary" ]]; then
    echo "No styrbord binary at $binary: build it first (swift build)." >&2
    exit 2
fi
schemathesis="${SCHEMATHESIS:-}"
if [[ -z "$schemathesis" ]]; then
    if command -v schemathesis >/dev/null 2>&1; then
        schemathesis="$(command -v schemathesis)"
    elif [[ -x "$root/.venv/bin/schemathesis" ]]; then
        schemathesis="$root/.venv/bin/schemathesis"
    else
        echo "schemathesis is not installed: pip install 'schemathesis>=4.32,<5'" >&2
        exit 2
    fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/styrbord-schemathesis.XXXXXX")"
reports="${ST_REPORT_DIR:-$root/artifacts/schemathesis}"
mkdir -p "$reports"
server_pid=""

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
cleanup() {
    stop_server
    rm -rf "$work"
}
trap cleanup EXIT

# A free port: bind port 0 and read what the kernel chose.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"

# Always SQLite, never a DATABASE_URL from the caller's environment: the run writes freely.
env -u DATABASE_URL "$binary" serve --demo --database "$work/styrbord.sqlite" --port "$port" >"$reports/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 120); do
    if curl -fsS "$base/healthz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "The server stopped while starting:" >&2
        cat "$reports/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null || { echo "The server did not answer /healthz within 60 s." >&2; exit 1; }

# Every operation but the document itself needs credentials. schemathesis runs as the demo
# administrator (who may do everything in sjovik) with a read-write token; schemathesis.toml reads
# it from STYRBORD_API_TOKEN. The token is made in the same database file the server uses.
admin_email="johan.bergstrom@sjovik.se"
STYRBORD_API_TOKEN="$(env -u DATABASE_URL LOG_LEVEL=warning "$binary" token create --database "$work/styrbord.sqlite" \
    --email "$admin_email" --name "schemathesis" --read-write --days 1 | tail -n 1)"
export STYRBORD_API_TOKEN
if [[ "$STYRBORD_API_TOKEN" != stb_* ]]; then
    echo "styrbord token create did not print a token: $STYRBORD_API_TOKEN" >&2
    exit 1
fi
auth=(-H "Authorization: Bearer $STYRBORD_API_TOKEN")
curl -fsS "${auth[@]}" "$base/api/v1/tenants/sjovik" >/dev/null \
    || { echo "The demo municipality sjovik is missing, or the token was refused." >&2; exit 1; }

# Random UUIDs in request bodies name records that don't exist, so creates would only ever be refused
# (422). schemathesis.toml binds the reference fields to dictionaries of real ids; they are read from
# this server (role types get new ids on every start) into a copy of the configuration.
config="$work/schemathesis.toml"
python3 - "$base/api/v1/tenants/sjovik" "$here/schemathesis.toml" "$config" "$reports/cache" "$admin_email" <<'PY'
import json, os, sys, urllib.request

api, static, target, cache, admin_email = sys.argv[1:6]
token = os.environ["STYRBORD_API_TOKEN"]

def get(path):
    request = urllib.request.Request(api + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)

def ids(path):
    body = get(path + ("&" if "?" in path else "?") + "perPage=200")
    return [item["id"] for item in body["items"]]

dictionaries = {
    "systems": ids("/systems"),
    "people": ids("/people"),
    "org-units": ids("/org-units"),
    "suppliers": ids("/suppliers"),
    "management-objects": ids("/management-objects"),
    "role-assignments": ids("/role-assignments"),
    "integrations": ids("/integrations"),
    "contracts": ids("/contracts"),
    "role-types": [r["id"] for r in get("/role-types")],
    # Only system roles: with scope "system" and a system as scopeId an appointment can succeed.
    "system-role-types": [r["id"] for r in get("/role-types") if r["scope"] == "system"],
    # Every account but the administrator schemathesis runs as: a replace may deactivate or demote
    # the others, never the account whose token the run uses (the server refuses that too, 422).
    "accounts": [a["id"] for a in get("/accounts") if a["email"] != admin_email],
}
with open(static, encoding="utf-8") as f:
    text = f.read()
with open(target, "w", encoding="utf-8") as f:
    f.write(text)
    f.write("\n# Written by run_schemathesis.sh from the running server.\n")
    # Failures found before are tried again first; they are kept with the reports, not in the tree.
    f.write(f"[cache]\ndirectory = {json.dumps(cache)}\n")
    for name, values in dictionaries.items():
        if not values:
            sys.exit(f"The demo municipality has no {name}")
        f.write(f'[dictionaries."{name}"]\nvalues = {json.dumps(values)}\n')
PY

args=(
    run "$base/api/openapi.yaml"
    --checks all
    --max-examples "$max_examples"
    --max-time "$max_time"
    --workers 1  # one client: a second one's deletes (which cascade) would break the first one's scenarios
    --no-color
    --report "${ST_REPORTS:-junit}" --report-dir "$reports"
)
if [[ -n "${ST_SEED:-}" ]]; then args+=(--seed "$ST_SEED"); fi

started=$SECONDS
status=0
SCHEMATHESIS_HOOKS="$here/hooks.py" "$schemathesis" --config-file "$config" "${args[@]}" || status=$?

stop_server
if grep -q "Unexpected error\|Fatal error" "$reports/server.log"; then
    echo "The server logged unexpected errors:" >&2
    grep -A3 "Unexpected error\|Fatal error" "$reports/server.log" | head -40 >&2
    status=1
fi
echo "schemathesis finished with status $status after $((SECONDS - started)) s; report in $reports"
exit "$status"
