#!/usr/bin/env bash
# Cold-start proxy: time from process start to first response of a fresh `dotnet` process that constructs one
# entry point (the stream aggregator, the daily finalizer) and invokes it once, JIT-only versus ReadyToRun, side by
# side, against dynalite and s3rver.
# Usage: bash benchmarks/cold-start.sh [RUNS]   (default 7 runs each; prints the medians of wall and CPU time and the ratios)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
out="$(mktemp -d)"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"

echo "publishing JIT-only and ReadyToRun builds for $rid ..."
dotnet publish benchmarks/RewardAnalytics.ColdStart -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=false -o "$out/jit" >/dev/null
dotnet publish benchmarks/RewardAnalytics.ColdStart -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" >/dev/null

(cd tools/local-aws && { [ -d node_modules/dynalite ] || npm ci --no-audit --no-fund --loglevel=error; })
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
s3port=$(free_port)
node tools/local-aws/node_modules/dynalite/cli.js --host 127.0.0.1 --port "$port" --createTableMs 0 >/dev/null &
dynalite_pid=$!
mkdir -p "$out/s3"
node tools/local-aws/node_modules/s3rver/bin/s3rver.js -d "$out/s3" -a 127.0.0.1 -p "$s3port" --silent --configure-bucket reward-analytics >/dev/null &
s3rver_pid=$!
trap 'kill "$dynalite_pid" "$s3rver_pid" 2>/dev/null || true; rm -rf "$out"' EXIT
for p in "$port" "$s3port"; do
  for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 0.1; done
done
dynamo() { # target, body: a raw DynamoDB API call (dynalite checks the headers' shape, not the signature)
  curl -sf "http://127.0.0.1:$port/" -H "X-Amz-Target: DynamoDB_20120810.$1" -H 'X-Amz-Date: 20240101T000000Z' \
    -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=x/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x' -d "$2"
}
dynamo CreateTable '{"TableName":"reward-aggregates","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}' >/dev/null
until dynamo DescribeTable '{"TableName":"reward-aggregates"}' | grep -q '"ACTIVE"'; do sleep 0.1; done

export AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:$port" AWS_ENDPOINT_URL_S3="http://127.0.0.1:$s3port" AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AGGREGATES_TABLE=reward-aggregates ANALYTICS_BUCKET=reward-analytics
aggregate_event=tests/RewardAnalytics.Core.Tests/Fixtures/tumbling-window-event.json

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # dir entry-point first-day -> "wall_ms cpu_ms": medians over $runs fresh processes
  local walls=() cpus=()
  for run in $(seq 1 "$runs"); do
    local event="$aggregate_event" timing
    if [ "$2" = finalize ]; then
      # A day of its own for every run, so each one finalizes (report, metrics, FINAL) rather than finding it done.
      event="$out/finalize-$(($3 + run)).json"
      printf '{"date":"%s"}' "$(date -u -d "2024-01-01 + $(($3 + run)) days" +%F)" > "$event"
    fi
    # Wall time is the cold start; user+sys CPU time is what it costs, and is far less disturbed by other load.
    timing=$( { TIMEFORMAT='%3R %3U %3S'; time "$1/RewardAnalytics.ColdStart" "$2" "$event" >/dev/null || { echo "the $1 build failed to invoke $2" >&2; exit 1; }; } 2>&1 )
    walls+=($(awk '{printf "%d", $1 * 1000}' <<<"$timing"))
    cpus+=($(awk '{printf "%d", ($2 + $3) * 1000}' <<<"$timing"))
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median)"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for entry in aggregate finalize; do
  read -r jit jit_cpu <<<"$(measure "$out/jit" "$entry" 0)"
  read -r r2r r2r_cpu <<<"$(measure "$out/r2r" "$entry" 100)"
  echo "cold_start entry=$entry runs=$runs jit_ms=$jit readytorun_ms=$r2r ratio=$(awk -v a="$r2r" -v b="$jit" 'BEGIN {printf "%.2f", a / b}')" \
    "jit_cpu_ms=$jit_cpu readytorun_cpu_ms=$r2r_cpu cpu_ratio=$(awk -v a="$r2r_cpu" -v b="$jit_cpu" 'BEGIN {printf "%.2f", a / b}')"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
