#!/usr/bin/env bash
# Peak memory (maximum resident set size, from GNU time) of `generate` and `demo` at a few --rewards sizes, each in a
# fresh process of the built CLI. Both hold the whole workload in memory (the plan, the simulated table, the stream;
# the demo also its ground truth), so the figure grows with --rewards; this is what --rewards' upper bound is set from
# (docs/performance.md, "Memory of generate and demo").
#
# Usage: bash benchmarks/peak-memory.sh [generate|demo|both] [REWARDS ...]
#   default: both 50000 100000 200000 (demo runs its emulators: a few minutes at 200,000)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-both}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50000 100000 200000)
command -v /usr/bin/time >/dev/null || { echo "peak-memory: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }
dotnet build src/RewardAnalytics.Cli -c Release -nologo -v q >/dev/null
cli="dotnet src/RewardAnalytics.Cli/bin/Release/net10.0/reward-analytics.dll"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
measure() { # name, rewards, command...
  local name="$1" rewards="$2"
  shift 2
  /usr/bin/time -f '%M %e' -o "$out/time" "$@" >"$out/stdout" 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
  read -r kb seconds <"$out/time"
  awk -v n="$name" -v r="$rewards" -v kb="$kb" -v s="$seconds" \
    'BEGIN { printf "[figures] %s_peak_memory rewards=%d peak_mb=%.0f kb_per_reward=%.1f seconds=%s\n", n, r, kb / 1024, kb / r, s }'
}
for rewards in "${sizes[@]}"; do
  if [ "$what" = generate ] || [ "$what" = both ]; then
    measure generate "$rewards" $cli generate --rewards "$rewards" --out "$out/events.jsonl"
  fi
  if [ "$what" = demo ] || [ "$what" = both ]; then
    measure demo "$rewards" $cli demo --rewards "$rewards" --json
  fi
done
