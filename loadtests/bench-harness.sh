#!/usr/bin/env bash
# Trust the instrument: the harness (`run`) against wrk on the same target, the stand-in API alone on
# loopback. Closed model: wrk -t1 -cN and `run --connections N`, alternating, ROUNDS times each.
# Open model at a low rate: `run --rate RATE --connections C` against wrk -t1 -cC pacing each
# connection with a Lua delay of C*1000/RATE ms (wrk has no rate option; its latency runs from the
# send, like the harness's uncorrected one). One connection by default: wrk's delayed connections
# fire together, in bursts, where the harness staggers them, and bursts queue at the server.
# Loopback only; everything it starts is stopped on exit. Check `uptime` first: other work on the two
# cores moves every figure.
# Settings: CONNECTIONS (32), DURATION (10s), ROUNDS (3), RATE (1000), OPEN_CONNECTIONS (1), PORT (5190).
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${CONNECTIONS:-32} duration=${DURATION:-10s} rounds=${ROUNDS:-3}
rate=${RATE:-1000} open_connections=${OPEN_CONNECTIONS:-1} port=${PORT:-5190}
path=/api/pitches/1 url="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

dotnet build Pitchey.Gateway.sln -c Release -nologo -v quiet >/dev/null
lt=loadtests/Pitchey.LoadTests/bin/Release/net10.0/Pitchey.LoadTests.dll
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for setting in "$connections" "$rate" "$open_connections" "$rounds" "$port"; do
  [[ $setting =~ ^[1-9][0-9]*$ ]] || { echo "bench: CONNECTIONS, RATE, OPEN_CONNECTIONS, ROUNDS and PORT must be positive integers (got '$setting')" >&2; exit 64; }
done
dotnet loadtests/Pitchey.StandIn/bin/Release/net10.0/Pitchey.StandIn.dll --urls "$url" >"$work/standin.log" 2>&1 &
pid=$!
ready=0
for _ in $(seq 1 100); do curl -fs "$url$path" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.2; done
[ "$ready" = 1 ] || { echo "bench: the stand-in does not answer on $url; its output:" >&2; cat "$work/standin.log" >&2; exit 1; }

echo "$(nproc) cores; $(uptime)"
echo "warming the stand-in up (wrk, 10 s)"
wrk -t1 -c"$connections" -d10s "$url$path" >/dev/null

echo
echo "closed model, $connections connections, $duration each"
echo "| round | wrk requests/s | harness requests/s | harness / wrk | harness CPU per request |"
echo "|---|---:|---:|---:|---:|"
for round in $(seq 1 "$rounds"); do
  w=$(wrk -t1 -c"$connections" -d"$duration" "$url$path" | awk '/^Requests\/sec/ {print $2}')
  dotnet "$lt" run pass-through --target "$url" --connections "$connections" --duration "$duration" --warmup 2s --out "$work/closed$round" >/dev/null
  h=$(python3 -c "import json;print(json.load(open('$work/closed$round/report.json'))['targets'][0]['total']['achievedRate'])")
  cpu=$(python3 -c "import json;print(json.load(open('$work/closed$round/report.json'))['client']['cpuMicrosecondsPerRequest'])")
  echo "| $round | $w | $h | $(python3 -c "print(f'{$h/$w:.3f}')") | $cpu us |"
done

delay=$(python3 -c "print($open_connections*1000/$rate)")
cat >"$work/delay.lua" <<LUA
function delay() return $delay end
LUA
echo
echo "open model: harness at $rate/s over $open_connections connections; wrk -t1 -c$open_connections with a ${delay} ms delay per request"
wrk -t1 -c"$open_connections" -d"$duration" -s "$work/delay.lua" --latency "$url$path" | sed -n '/Latency Distribution/,/Requests\/sec/p'
dotnet "$lt" run pass-through --target "$url" --rate "$rate" --connections "$open_connections" --duration "$duration" --warmup 2s --out "$work/open" \
  | sed -n '/latency ms/,/^$/p'
echo "harness, closed model, the same connections (for the latency of back-to-back requests)"
dotnet "$lt" run pass-through --target "$url" --connections "$open_connections" --duration "$duration" --warmup 2s --out "$work/open-closed" \
  | sed -n '/latency ms/,/^$/p'
echo "wrk, the same connections, no delay"
wrk -t1 -c"$open_connections" -d"$duration" --latency "$url$path" | sed -n '/Latency Distribution/,/Requests\/sec/p'
python3 - "$work/open/report.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))['targets'][0]['total']
lag = t['sendLag']
c = json.load(open(sys.argv[1]))['client']
print(f"harness open model: {t['achievedRate']}/s achieved, late {t['late']}, dropped {t['dropped']}, send lag p50 {lag['p50Us']} us p99 {lag['p99Us']} us; harness CPU {c['cpuMicrosecondsPerRequest']} us/request")
PY
