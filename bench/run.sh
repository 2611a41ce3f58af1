#!/usr/bin/env bash
# The Sweden-scale benchmark: a release build, 290 generated municipalities (~87,000 systems) in one
# SQLite file, and wrk against /healthz, /api/v1/me (the floor when signed in), the register page,
# the API list and a system page at 1 and 16 connections, plus the server's memory; then the
# register again with the page cache off, so the cost of querying and rendering is reported too.
# Prints a table; this is a benchmark, not a test.
#
# Every page needs a signed-in session: the script makes an account (an employee without roles, the
# register's commonest reader) in the measured municipality, signs in once through /login with curl
# and sends the session cookie with every request but /healthz, which stays the framework floor.
# It also times sign-ins, which are bcrypt at the configured cost (STYRBORD_BCRYPT_COST, default 12).
#
#   bench/run.sh [--scale N] [--duration SECONDS] [--skip-build] [--database FILE] [--bin PATH]
#
# Needs wrk (apt-get install wrk). Measure on an otherwise idle machine, and compare each figure
# with /healthz from the same run, never with a number from another day.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=290
duration=10
build=1
db="bench/out/sweden.sqlite"
port=18080
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    --database) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --bin) bin="$2"; build=0; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p bench/out

stamp() { date +%H:%M:%S; }
if [ "$build" = 1 ]; then
  echo "[$(stamp)] swift build -c release --product styrbord"
  start=$(date +%s)
  swift build -c release --product styrbord 2>&1 | tail -1
  echo "[$(stamp)] release build took $(( $(date +%s) - start )) s"
fi
bin="${bin:-$(swift build -c release --show-bin-path)/styrbord}"

have=$("$bin" tenant list --database "$db" 2>/dev/null | grep -c . || true)
if [ "$have" -lt "$scale" ]; then
  echo "[$(stamp)] generating $scale municipalities into $db (has $have)"
  start=$(date +%s)
  LOG_LEVEL=warning "$bin" demo --scale "$scale" --database "$db" | tail -2
  echo "[$(stamp)] generation took $(( $(date +%s) - start )) s"
fi
size=$(du -h "$db" | cut -f1)

# Generated municipalities have no accounts: make one in the measured municipality (or give the
# one an earlier run made this run's password).
tenant=$("$bin" tenant list --database "$db" | awk 'NR==1 {print $1}')
email="bench@$tenant.example"
password="bench-$(date +%s)-$RANDOM"
if ! printf '%s\n' "$password" | LOG_LEVEL=warning "$bin" user create --database "$db" --tenant "$tenant" \
    --email "$email" --name "Benchmark" --password-stdin >/dev/null 2>&1; then
  printf '%s\n' "$password" | LOG_LEVEL=warning "$bin" user reset-password --database "$db" --email "$email" \
    --password-stdin >/dev/null
fi

LOG_LEVEL=warning "$bin" serve --database "$db" --port "$port" > bench/out/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

base="http://127.0.0.1:$port"

# Signs in through the form as a browser does: GET /login for the CSRF cookie and field, then POST.
# Prints the session cookie's value.
sign_in() {
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -sf -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" \
    --data-urlencode "password=$password" "$base/login"
  awk '$6 == "styrbord_session" {print $7}' "$jar"
  rm -f "$jar"
}
# The time of one sign-in (GET /login + POST /login, one bcrypt verification), best and median of 5.
signin_ms=()
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N); session=$(sign_in); t1=$(date +%s%N)
  signin_ms+=($(( (t1 - t0) / 1000000 )))
done
[ -n "$session" ] || { echo "signing in as $email failed; see bench/out/server.log" >&2; exit 1; }
signin=$(printf '%s\n' "${signin_ms[@]}" | sort -n | awk '{a[NR]=$1} END {printf "best %d ms, median %d ms", a[1], a[int((NR+1)/2)]}')
cookie="Cookie: styrbord_session=$session"

system=$(curl -sf -H "$cookie" "$base/api/v1/tenants/$tenant/systems?perPage=1&sort=name" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
register="/t/$tenant/systems?category=verksamhetssystem&sort=criticality&order=desc&perPage=50"
rows=$(curl -sf -H "$cookie" "$base$register" | grep -o '<tr><th scope="row">' | wc -l)
[ "$rows" -gt 0 ] || { echo "the register page showed no rows: is the session cookie accepted?" >&2; exit 1; }
echo "[$(stamp)] $scale municipalities, database $size; measuring municipality '$tenant' (register page shows $rows rows)"
echo "[$(stamp)] one sign-in (GET + POST /login, bcrypt cost ${STYRBORD_BCRYPT_COST:-12}): $signin"

declare -A targets=(
  [healthz]="/healthz"
  [me]="/api/v1/me"  # the floor signed in: session and account looked up, a small JSON answer
  [register]="$register"
  [api-list]="/api/v1/tenants/$tenant/systems?perPage=50&sort=name"
  [system-page]="/t/$tenant/systems/$system"
)
results=bench/out/results.tsv
printf "endpoint\tconnections\trequests_per_s\tp50_ms\tp99_ms\n" > "$results"

to_ms() {  # wrk prints 812.00us, 1.23ms or 1.02s
  python3 -c 'import re,sys; v,u=re.match(r"([\d.]+)(\w+)",sys.argv[1]).groups(); print("%.2f" % (float(v)*{"us":0.001,"ms":1,"s":1000}[u]))' "$1"
}

for name in healthz me register api-list system-page; do
  # /healthz is the floor without a session; everything else is measured signed in.
  headers=()
  [ "$name" = healthz ] || headers=(-H "$cookie")
  for c in 1 16; do
    curl -sf "${headers[@]}" "$base${targets[$name]}" > /dev/null  # warm caches
    out=$(wrk -t1 -c"$c" -d"${duration}s" --latency "${headers[@]}" "$base${targets[$name]}")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')")
    p99=$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/' || true)
    [ -n "$errors" ] && echo "  $name c=$c: $errors"
    printf "%s\t%s\t%s\t%s\t%s\n" "$name" "$c" "$rps" "$p50" "$p99" >> "$results"
  done
done

rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$server/status)
hwm=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$server/status)
kill $server; wait $server 2>/dev/null || true

# The register again with the page cache off: every request queries and renders.
STYRBORD_PAGE_CACHE=off LOG_LEVEL=warning "$bin" serve --database "$db" --port "$port" > bench/out/server-uncached.log 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
for c in 1 16; do
  out=$(wrk -t1 -c"$c" -d"${duration}s" --latency -H "$cookie" "$base$register")
  printf "%s\t%s\t%s\t%s\t%s\n" "register-uncached" "$c" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')")" "$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")" >> "$results"
done
urss=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$server/status)

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk -t1 -d${duration}s; SQLite $size"
column -t -s $'\t' "$results"
python3 - "$results" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
get = lambda n, c, k: float(next(r for r in rows if r["endpoint"] == n and r["connections"] == c)[k])
health, reg = get("healthz", "16", "requests_per_s"), get("register", "16", "requests_per_s")
cold = get("register-uncached", "16", "requests_per_s")
print(f"\nregister at 16 connections: p99 {get('register','16','p99_ms'):.1f} ms (goal < 25), "
      f"{reg/health*100:.0f}% of /healthz's throughput (goal >= 30%)")
print(f"register without the page cache at 16 connections: p99 {get('register-uncached','16','p99_ms'):.1f} ms, "
      f"{cold/health*100:.0f}% of /healthz's throughput")
PY
echo "server memory: ${rss} MB resident after the runs, ${hwm} MB peak (goal < 200 MB); ${urss} MB peak without the page cache"
echo "one sign-in (bcrypt cost ${STYRBORD_BCRYPT_COST:-12}): $signin"
