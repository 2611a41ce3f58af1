#!/usr/bin/env bash
# The compliance benchmark: a release build, the Sweden-scale database (290 generated municipalities,
# ~87,000 systems, as bench/run.sh makes it), then `styrbord bench-compliance`, which times
#   - one municipality: its eight queries (median of --repeats runs) and the rules in memory (median),
#   - all municipalities: every tenant's data in eight queries, then every evaluation (best of three),
#   - all municipalities one at a time, eight queries each, as the pages do.
# Goals (issue 4): one municipality well under 50 ms, all 290 under 3 s. This is a benchmark, not a test.
#
#   bench/compliance.sh [--scale N] [--skip-build] [--database FILE] [--bin PATH] [--repeats N] [--tenant SLUG]
set -euo pipefail
cd "$(dirname "$0")/.."

scale=290
build=1
db="bench/out/sweden.sqlite"
repeats=20
tenant=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    --database) db="$2"; shift 2 ;;
    --bin) bin="$2"; build=0; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --tenant) tenant="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
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

echo "[$(stamp)] measuring (database $size)"
args=(--database "$db" --repeats "$repeats")
[ -n "$tenant" ] && args+=(--tenant "$tenant")
out=$(LOG_LEVEL=warning "$bin" bench-compliance "${args[@]}")
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SQLite $size"
echo "$out" | column -t -s $'\t'
python3 - "$out" <<'PY'
import re, sys
rows = {line.split("\t")[0]: line for line in sys.argv[1].splitlines()}
num = lambda row, key: float(re.search(key + r"=([\d.]+)", rows[row]).group(1))
one, everything = num("one", "total_ms"), num("all", "total_ms")
print(f"\none municipality: {one:.1f} ms (goal well under 50 ms: load {num('one', 'load_ms'):.1f} + rules {num('one', 'evaluate_ms'):.2f})")
print(f"all municipalities: {everything / 1000:.2f} s (goal under 3 s: load {num('all', 'load_ms') / 1000:.2f} + rules {num('all', 'evaluate_ms') / 1000:.2f}); "
      f"one at a time {num('each', 'total_ms') / 1000:.2f} s")
PY
