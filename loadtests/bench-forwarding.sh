#!/usr/bin/env bash
# Forwarding benchmark with the harness: one closed-model `run pass-through --compare` whose targets
# take turns in 1 s slices, so drift on the two shared cores hits every target alike. Targets: the
# gateway as shipped (everything on: probe cache against PostgreSQL, replica monitor, breaker, connect
# retries, route timeout, active and passive health checks, rate limiting, header scrubbing, the
# read-your-writes transform, the management plane with /metrics), the stand-in API alone, a bare
# YARP with default settings, and the same bare YARP with the gateway's runtime settings (so the
# page can say how much is settings and how much is code). EXPERIMENTS=1 adds gateway variants, each
# with one setting changed back (docs/benchmarks.md, "Forwarding throughput", lists what they test).
#
# Needs the demo database of ./run.sh on 127.0.0.1:5433 (run it in another terminal) for the
# gateway's probes; its own ports are 5176-5189 (public) and 5276-5289 (management).
# A second run compares answers from the gateway's response cache (CACHED_PATH, a route of
# config/gateway.json with an OutputCachePolicy) with the stand-in answering the same path itself.
# Settings: DURATION (60s measured, shared by the targets), WARMUP (30s, shared: the gateway has more
# code to tier up than the bare proxy), CONNECTIONS (64), BENCH_PATH (/api/pitches/1), CACHED_PATH
# (/api/pitches/public/1), OUT (a temp folder; report.json and report.html land there, the cached
# run's in OUT/cached), EXPERIMENTS (0), RATE (unset: the closed model, interleaved; a number: the
# open model at that rate, one target after the other, DURATION each, for the latency a proxy adds
# below saturation: the harness's corrected latency with --compare would count the time a target
# waits for its turn).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-60s} warmup=${WARMUP:-30s} connections=${CONNECTIONS:-64}
path=${BENCH_PATH:-/api/pitches/1} cached_path=${CACHED_PATH:-/api/pitches/public/1} experiments=${EXPERIMENTS:-0}
out=${OUT:-$(mktemp -d)}
command -v jq >/dev/null || { echo "bench: jq is required (apt-get install jq)" >&2; exit 1; }

dotnet build Pitchey.Gateway.sln -c Release -nologo -v quiet >/dev/null
gateway_dll=src/Pitchey.Gateway/bin/Release/net10.0/Pitchey.Gateway.dll
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The gateway's runtime settings, for the bare YARP's second run: what its runtimeconfig and
# Program.cs set (docs/benchmarks.md explains each).
tuned_runtime=(DOTNET_gcServer=0 DOTNET_gcConcurrent=1 DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1)

start() { # port command...: starts a target (an external command, so $! is the process itself), its output in $work/<port>.log
  local port=$1; shift
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then # anything listening, HTTP or not
    echo "bench: port $port is taken; stop what listens there first" >&2
    exit 1
  fi
  "$@" >"$work/$port.log" 2>&1 &
  pids+=($!)
}

start 5180 env DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet loadtests/Pitchey.StandIn/bin/Release/net10.0/Pitchey.StandIn.dll --urls http://127.0.0.1:5180
start 5181 env DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet loadtests/Pitchey.BareProxy/bin/Release/net10.0/Pitchey.BareProxy.dll \
  --urls http://127.0.0.1:5181 --upstream http://127.0.0.1:5180/
start 5182 env DOTNET_CLI_TELEMETRY_OPTOUT=1 "${tuned_runtime[@]}" dotnet loadtests/Pitchey.BareProxy/bin/Release/net10.0/Pitchey.BareProxy.dll \
  --urls http://127.0.0.1:5182 --upstream http://127.0.0.1:5180/

# A benchmark comes from one address, so the shipped per-client rate limit (200 burst, 100/s) would
# answer nearly everything with 429: the limiter stays on, with a limit the run never reaches.
key_hash=$(printf bench | sha256sum | cut -d' ' -f1)
# The gateway runs with the shipped (Production) settings against the demo database of ./run.sh:
# Development would add ASP.NET Core's developer exception page, one more middleware per request.
export Database__Primary="Host=127.0.0.1;Port=5433;Database=pitchey;Username=pitchey;Password=pitchey"
export Database__Replicas__0="Host=127.0.0.1;Port=5434;Database=pitchey;Username=pitchey;Password=pitchey"
gateway() { # port config-dir extra-env...: the gateway as shipped, management on port+100
  local port=$1 config=$2; shift 2
  start "$port" env DOTNET_CLI_TELEMETRY_OPTOUT=1 ASPNETCORE_ENVIRONMENT=Production PITCHEY_CONFIG_DIR="$config" \
    ReverseProxy__Clusters__api__Destinations__d1__Address=http://127.0.0.1:5180/ \
    RateLimiting__Policies__api__PermitLimit=1000000 RateLimiting__Policies__api__TokensPerPeriod=1000000 \
    Management__Urls="http://127.0.0.1:$((port + 100))" Management__ApiKeySha256="$key_hash" \
    "$@" dotnet "$gateway_dll" --urls "http://127.0.0.1:$port"
}
gateway 5183 "$PWD/config"
names=("gateway, everything on" "stand-in API alone" "bare YARP, defaults" "bare YARP, the gateway's runtime settings")
ports=(5183 5180 5181 5182)

if [ "$experiments" = 1 ]; then
  no_timeout=$work/no-timeout no_limiter=$work/no-limiter
  mkdir -p "$no_timeout" "$no_limiter"
  cp config/*.json "$no_timeout/"
  cp config/*.json "$no_limiter/"
  sed -i '/"Timeout": "00:00:30",/d' "$no_timeout/gateway.json"
  sed -i '/"RateLimiterPolicy": "api",/d' "$no_limiter/gateway.json"
  gateway 5184 "$PWD/config" DOTNET_gcServer=1
  gateway 5185 "$PWD/config" DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0
  gateway 5186 "$PWD/config" "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Warning"
  gateway 5187 "$PWD/config" Management__ApiKeySha256=
  gateway 5188 "$no_timeout"
  gateway 5189 "$no_limiter"
  gateway 5179 "$PWD/config"
  gateway 5177 "$PWD/config" DOTNET_GCgen0size=0x4000000
  gateway 5176 "$PWD/config" DOTNET_gcConcurrent=0
  names+=("gateway, server GC" "gateway, no inline socket completions" "gateway, request activity and log scope on"
    "gateway, no metrics (management plane off)" "gateway, no route timeout" "gateway, no rate limiter on the route"
    "gateway, everything on (a second process: the noise between two equal targets)"
    "gateway + a 64 MB gen0 budget" "gateway, non-concurrent (blocking) workstation GC")
  ports+=(5184 5185 5186 5187 5188 5189 5179 5177 5176)
fi

for port in "${ports[@]}"; do
  ready=0
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port$path" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.2; done
  [ "$ready" = 1 ] || { echo "bench: nothing answers on port $port; its output:" >&2; cat "$work/$port.log" >&2; exit 1; }
done

lt=loadtests/Pitchey.LoadTests/bin/Release/net10.0/Pitchey.LoadTests.dll
table() { # report names... ports...: one markdown row per target, ratios to the stand-in and the first bare YARP present
  local report=$1; shift
  local n=$(($# / 2)) i
  local -a row_names=("${@:1:$n}") row_ports=("${@:$((n + 1))}")
  echo "| target | requests/s | x upstream alone | x bare YARP | p50 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for i in "${!row_ports[@]}"; do
    jq -r --arg url "http://127.0.0.1:${row_ports[$i]}/" --arg name "${row_names[$i]}" '
      (.targets | map({key: .url, value: .total}) | from_entries) as $t
      | $t[$url] as $x
      | def ratio($ref): if $t[$ref] then ($x.achievedRate / $t[$ref].achievedRate * 100 | round / 100 | tostring) else "" end;
      "| \($name) | \($x.achievedRate | round) | \(ratio("http://127.0.0.1:5180/")) | \(ratio("http://127.0.0.1:5181/"))"
        + " | \($x.corrected.p50Us / 10 | round / 100) ms | \($x.corrected.p99Us / 10 | round / 100) ms | \($x.errors.total) |"' "$report"
  done
}

echo "$(nproc) cores; $(uptime)"
if [ -n "${RATE:-}" ]; then
  echo
  echo "open model at $RATE requests/s, $connections connections, each target alone for $duration after $warmup, path $path"
  echo
  echo "| target | requests/s | p50 | p90 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  for i in "${!ports[@]}"; do
    dotnet "$lt" run pass-through --target "http://127.0.0.1:${ports[$i]}" --path "$path" --rate "$RATE" \
      --connections "$connections" --duration "$duration" --warmup "$warmup" --out "$out/${ports[$i]}" >"$work/open.log" || {
      cat "$work/open.log"; exit 1; }
    jq -r --arg name "${names[$i]}" '.targets[0].total as $x
      | "| \($name) | \($x.achievedRate | round) | \($x.corrected.p50Us / 10 | round / 100) ms | \($x.corrected.p90Us / 10 | round / 100) ms"
        + " | \($x.corrected.p99Us / 10 | round / 100) ms | \($x.errors.total) |"' "$out/${ports[$i]}/report.json"
  done
  echo
  echo "reports: $out/<port>/report.{json,html}"
  exit 0
fi

targets=()
for port in "${ports[@]:1}"; do targets+=("http://127.0.0.1:$port"); done
dotnet "$lt" run pass-through --target "http://127.0.0.1:${ports[0]}" --compare "${targets[@]}" --path "$path" \
  --connections "$connections" --duration "$duration" --warmup "$warmup" --out "$out" >"$work/run.log" || {
  cat "$work/run.log"; exit 1; }
echo
echo "forwarded: closed model, $connections connections, $duration measured in 1 s turns after $warmup, path $path"
echo
table "$out/report.json" "${names[@]}" "${ports[@]}"

dotnet "$lt" run pass-through --target http://127.0.0.1:5183 --compare http://127.0.0.1:5180 --path "$cached_path" \
  --connections "$connections" --duration "$duration" --warmup "$warmup" --out "$out/cached" >"$work/cached.log" || {
  cat "$work/cached.log"; exit 1; }
echo
echo "cached: the same, path $cached_path (the gateway answers from its cache; the stand-in answers it itself)"
echo
table "$out/cached/report.json" "gateway, from its response cache" "stand-in API alone" 5183 5180
echo
echo "reports: $out/report.{json,html}, $out/cached/report.{json,html}"
