# Sourced by the benchmark scripts: starts dynalite and s3rver on free 127.0.0.1 ports (installed from
# tools/local-aws), creates the aggregates table and the bucket, exports the variables the functions read, and stops
# both (by process id) and removes "$out" on exit. Needs: $out (a scratch directory), the repository root as the
# working directory.
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

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
