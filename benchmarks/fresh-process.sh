#!/usr/bin/env bash
# Fresh-process figures of the published function package, started the way Lambda's managed runtime starts it
# (bootstrap.sh: `dotnet exec --depsfile <function>.deps.json --runtimeconfig <function>.runtimeconfig.json
# <loader>.dll <handler>`, with tests/RewardAnalytics.LambdaHost as the loader), against dynalite and s3rver:
#
#   first batch  the stream aggregator's first invocation in a fresh process on a 20-record and on a 9,000-record
#                event (the benchmarks' workload); records/s beyond the fixed cost = 8,980 / (t9000 - t20)
#   cold start   process start to the first response: the aggregator on a 100-record event, the finalizer on one day
#
# Every variant is measured the same way, round-robin (run 1 of every variant, then run 2, ...) so that they share the
# machine's load; each figure is the median over RUNS fresh processes, as wall time and as CPU time (user + sys).
#
# Usage: bash benchmarks/fresh-process.sh [RUNS] [VARIANT ...]
#   RUNS      fresh processes per variant and case (default 7)
#   VARIANT   NAME=PACKAGE[:PROPERTY=VALUE[,PROPERTY=VALUE...]]: PACKAGE is jit (IL only) or r2r (ReadyToRun, as
#             pulumi up publishes it); each PROPERTY is set in the package's runtimeconfig.json (configProperties),
#             e.g. r2r-pgo-off=r2r:System.Runtime.TieredPGO=false. Default: jit=jit r2r=r2r.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
shift || true
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(jit=jit r2r=r2r)
out="$(mktemp -d)"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
functions=RewardAnalytics.Functions
aggregator="$functions::$functions.StreamAggregator::HandleAsync"
finalizer="$functions::$functions.DailyFinalizer::HandleAsync"

echo "publishing the functions JIT-only and ReadyToRun for $rid, the loader, the events ..."
dotnet publish "src/$functions" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=false -o "$out/jit" -nologo -v q >/dev/null
dotnet publish "src/$functions" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -nologo -v q >/dev/null
# The loader as the managed runtime ships its own (RuntimeSupport is published ReadyToRun in the runtime image).
dotnet publish tests/RewardAnalytics.LambdaHost -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/host" -nologo -v q >/dev/null
for n in 20 100 9000; do
  dotnet run -c Release --project benchmarks/RewardAnalytics.Benchmarks -- --write-event "$n" "$out/event-$n.json" >/dev/null
done

source benchmarks/local-aws.sh

for spec in "${variants[@]}"; do
  name="${spec%%=*}"; rest="${spec#*=}"; package="${rest%%:*}"; properties=""
  [ "$rest" != "$package" ] && properties="${rest#*:}"
  [ -d "$out/$package" ] || { echo "variant $spec: package '$package' is neither jit nor r2r" >&2; exit 2; }
  cp -r "$out/$package" "$out/variant-$name"
  # The runtime honours the package's runtimeconfig.json (bootstrap.sh passes it): the variant's properties go there.
  VARIANT_PROPERTIES="$properties" node -e '
    const fs = require("fs"), file = process.argv[1], config = JSON.parse(fs.readFileSync(file, "utf8"));
    for (const pair of process.env.VARIANT_PROPERTIES.split(",").filter(p => p)) {
      const [key, value] = pair.split("=");
      config.runtimeOptions.configProperties[key] = value === "true" ? true : value === "false" ? false : isNaN(value) ? value : Number(value);
    }
    fs.writeFileSync(file, JSON.stringify(config, null, 2));' "$out/variant-$name/$functions.runtimeconfig.json"
done

declare -A wall cpu
invoke() { # variant handler event-file key: one fresh process; appends its wall and CPU milliseconds under key
  local timing
  timing=$( { TIMEFORMAT='%3R %3U %3S'; time dotnet exec --depsfile "$out/variant-$1/$functions.deps.json" \
    --runtimeconfig "$out/variant-$1/$functions.runtimeconfig.json" "$out/host/RewardAnalytics.LambdaHost.dll" "$2" "$3" \
    "$out/response.json" >/dev/null 2>"$out/stderr" || { echo "variant $1 failed on $3:" >&2; cat "$out/stderr" >&2; exit 1; }; } 2>&1 )
  grep -q '"batchItemFailures":\[\]\|"date"' "$out/response.json" || { echo "variant $1: unexpected response to $3: $(cat "$out/response.json")" >&2; exit 1; }
  wall[$4]+="$(awk '{printf "%d", $1 * 1000}' <<<"$timing") "
  cpu[$4]+="$(awk '{printf "%d", ($2 + $3) * 1000}' <<<"$timing") "
}
shard_event() { # size run: the event with a shard of its own, so every invocation applies rather than finds a replay
  sed "s/shardId-00000001709900000000-0123abcd/shardId-$2-$RANDOM$RANDOM/" "$out/event-$1.json" > "$out/run-$1.json"
  echo "$out/run-$1.json"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
day=0
for run in $(seq 1 "$runs"); do
  for spec in "${variants[@]}"; do
    name="${spec%%=*}"
    invoke "$name" "$aggregator" "$(shard_event 20 "$run")" "$name/20"
    invoke "$name" "$aggregator" "$(shard_event 9000 "$run")" "$name/9000"
    invoke "$name" "$aggregator" "$(shard_event 100 "$run")" "$name/100"
    day=$((day + 1))   # a day of its own for every run, so each one finalizes (report, metrics, FINAL)
    printf '{"date":"%s"}' "$(date -u -d "2024-01-01 + $day days" +%F)" > "$out/finalize.json"
    invoke "$name" "$finalizer" "$out/finalize.json" "$name/finalize"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
first="${variants[0]%%=*}"
for spec in "${variants[@]}"; do
  name="${spec%%=*}"
  w20=$(med "${wall[$name/20]}"); w9=$(med "${wall[$name/9000]}"); c20=$(med "${cpu[$name/20]}"); c9=$(med "${cpu[$name/9000]}")
  rate() { awk -v a="$1" -v b="$2" 'BEGIN { d = b - a; if (d <= 0) print "n/a"; else printf "%d", 8980 * 1000 / d }'; }
  echo "first_batch variant=$name runs=$runs wall_20_ms=$w20 wall_9000_ms=$w9 records_per_s=$(rate "$w20" "$w9")" \
    "cpu_20_ms=$c20 cpu_9000_ms=$c9 records_per_cpu_s=$(rate "$c20" "$c9")"
  for entry in 100 finalize; do
    w=$(med "${wall[$name/$entry]}"); c=$(med "${cpu[$name/$entry]}")
    w0=$(med "${wall[$first/$entry]}"); c0=$(med "${cpu[$first/$entry]}")
    echo "cold_start variant=$name entry=$([ "$entry" = 100 ] && echo aggregate-100 || echo finalize) runs=$runs wall_ms=$w cpu_ms=$c" \
      "wall_ratio_to_$first=$(awk -v a="$w" -v b="$w0" 'BEGIN {printf "%.2f", a / b}') cpu_ratio_to_$first=$(awk -v a="$c" -v b="$c0" 'BEGIN {printf "%.2f", a / b}')"
  done
done
