#!/usr/bin/env bash
# Forwarding benchmark, closed model, loopback only: the stand-in API alone, a bare YARP proxy with
# default settings, and the gateway with everything on (probe cache refreshing against PostgreSQL,
# trusted-proxy handling, header scrubbing). Same wrk settings for all three, one after the other.
#
# Needs: wrk (apt-get install wrk) and the demo database of ./run.sh on 127.0.0.1:5433 (run it in
# another terminal; this script uses its own ports 5180-5182, so both can run at once).
# A fourth target is the gateway without the route's total timeout (Routes:api:Timeout), the one
# shipped feature with a measurable per-request cost; a fifth the gateway with its management plane
# on (metrics collected for /metrics, the status page's sampler), which a scraper would read.
# Settings: DURATION (15s), CONNECTIONS (64), THREADS (1), WARMUP (20s: the gateway has more code to
# tier up than the bare proxy; a short warm-up measures the JIT), BENCH_PATH (/api/pitches/1).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-15s} connections=${CONNECTIONS:-64} threads=${THREADS:-1} warmup=${WARMUP:-20s}
path=${BENCH_PATH:-/api/pitches/1}
command -v wrk >/dev/null || { echo "bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

dotnet build Pitchey.Gateway.sln -c Release -nologo -v quiet >/dev/null
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "${no_timeout_config:-}"
}
trap cleanup EXIT

dotnet loadtests/Pitchey.StandIn/bin/Release/net10.0/Pitchey.StandIn.dll --urls http://127.0.0.1:5180 >/dev/null &
pids+=($!)
dotnet loadtests/Pitchey.BareProxy/bin/Release/net10.0/Pitchey.BareProxy.dll --urls http://127.0.0.1:5181 \
  --upstream http://127.0.0.1:5180/ >/dev/null &
pids+=($!)
ASPNETCORE_ENVIRONMENT=Development PITCHEY_CONFIG_DIR="$PWD/config" \
  ReverseProxy__Clusters__api__Destinations__d1__Address=http://127.0.0.1:5180/ \
  dotnet src/Pitchey.Gateway/bin/Release/net10.0/Pitchey.Gateway.dll --urls http://127.0.0.1:5182 >/dev/null &
pids+=($!)

no_timeout_config=$(mktemp -d)
cp config/*.json "$no_timeout_config/"
sed -i '/"Timeout": "00:00:30",/d' "$no_timeout_config/gateway.json"
ASPNETCORE_ENVIRONMENT=Development PITCHEY_CONFIG_DIR="$no_timeout_config" \
  ReverseProxy__Clusters__api__Destinations__d1__Address=http://127.0.0.1:5180/ \
  dotnet src/Pitchey.Gateway/bin/Release/net10.0/Pitchey.Gateway.dll --urls http://127.0.0.1:5183 >/dev/null &
pids+=($!)

# The gateway with telemetry on: a management key (its hash only) opens the plane on 5194.
ASPNETCORE_ENVIRONMENT=Development PITCHEY_CONFIG_DIR="$PWD/config" \
  ReverseProxy__Clusters__api__Destinations__d1__Address=http://127.0.0.1:5180/ \
  Management__Urls=http://127.0.0.1:5194 Management__ApiKeySha256="$(printf bench | sha256sum | cut -d' ' -f1)" \
  dotnet src/Pitchey.Gateway/bin/Release/net10.0/Pitchey.Gateway.dll --urls http://127.0.0.1:5184 >/dev/null &
pids+=($!)

for port in 5180 5181 5182 5183 5184; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port$path" >/dev/null 2>&1 && break; sleep 0.2; done
done

run() { # name url
  wrk -t"$threads" -c"$connections" -d"$warmup" "$2" >/dev/null
  local out rps p50 p99
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$2")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99"
}

echo "wrk -t$threads -c$connections -d$duration (warm-up $warmup), path $path, $(nproc) cores"
echo
echo "| target | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
run "stand-in API alone" "http://127.0.0.1:5180$path"
run "bare YARP (defaults)" "http://127.0.0.1:5181$path"
run "Pitchey Gateway" "http://127.0.0.1:5182$path"
run "Pitchey Gateway, no route timeout" "http://127.0.0.1:5183$path"
run "Pitchey Gateway, metrics on (management plane)" "http://127.0.0.1:5184$path"
run "Pitchey Gateway /health/ready (cache)" "http://127.0.0.1:5182/health/ready"
run "Pitchey Gateway /api/health (cache)" "http://127.0.0.1:5182/api/health"
