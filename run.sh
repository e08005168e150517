#!/usr/bin/env bash
# Runs the gateway locally with everything it needs, in the foreground:
#   PostgreSQL on 127.0.0.1:5433 (database/user/password: pitchey; loopback only; a demo, nothing more),
#   a streaming replica of it on 127.0.0.1:5434 (pg_basebackup -R), which the gateway reads from,
#   the stand-in API on 127.0.0.1:5080, the gateway on 127.0.0.1:8080 and its management plane
#   (status page, /metrics, admin endpoints) on 127.0.0.1:8081, behind the key in .pitchey/admin-key.
# Ctrl-C or SIGTERM stops everything it started. A second run reuses the data; --reset starts over.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
state=$root/.pitchey
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() { echo "usage: ./run.sh [--reset]"; }
reset=0
for arg in "$@"; do
  case "$arg" in
    --reset) reset=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$arg'" >&2; usage >&2; exit 64 ;;
  esac
done

log() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
is_root() { [ "$(id -u)" = 0 ]; }
find_pg_bin() { find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1; }

# --- tools ---------------------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
pgbin=${PG_BIN:-$(find_pg_bin)}
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  if is_root && command -v apt-get >/dev/null; then
    log "installing the PostgreSQL server (apt-get install postgresql)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    pgbin=$(find_pg_bin)
  else
    echo "run.sh: PostgreSQL server binaries not found. Install them (sudo apt-get install postgresql) or set PG_BIN to the folder holding initdb." >&2
    exit 1
  fi
fi
# initdb refuses root: the cluster belongs to the postgres user then.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

[ "$reset" = 1 ] && { log "--reset: removing $state"; rm -rf "$state"; }
mkdir -p "$state"

# --- build (the gateway; the load-test tool, whose seed verb loads the demo data) ----------
log "building (Release)"
dotnet build Pitchey.Gateway.sln -c Release -nologo -v quiet >"$state/build.log" 2>&1 || { cat "$state/build.log"; exit 1; }
gateway_dll=src/Pitchey.Gateway/bin/Release/net10.0/Pitchey.Gateway.dll
loadtests_dll=loadtests/Pitchey.LoadTests/bin/Release/net10.0/Pitchey.LoadTests.dll

# --- PostgreSQL ----------------------------------------------------------------------------
pgdata=$state/pg-primary
if is_root; then
  # The postgres user must reach the data folder; a repo under /root is out of its reach.
  if ! runuser -u postgres -- test -x "$state"; then
    pgdata=/var/tmp/pitchey-$(printf '%s' "$root" | md5sum | cut -c1-8)/pg-primary
    [ "$reset" = 1 ] && rm -rf "$(dirname "$pgdata")"
  fi
  mkdir -p "$(dirname "$pgdata")"
  chown postgres:postgres "$(dirname "$pgdata")"
fi

# The streaming replica lives next to the primary (same owner, same --reset).
replicadata=$(dirname "$pgdata")/pg-replica

fresh=0
if [ ! -f "$pgdata/PG_VERSION" ]; then
  fresh=1
  log "creating a PostgreSQL cluster in $pgdata"
  pwfile=$(mktemp)
  echo pitchey >"$pwfile"
  is_root && chown postgres "$pwfile"
  as_pg "$pgbin/initdb" -D "$pgdata" -U pitchey --pwfile="$pwfile" --auth-host=scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C >"$state/initdb.log"
  rm -f "$pwfile"
  cat >>"$pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = 5433
unix_socket_directories = ''
wal_level = replica
max_wal_senders = 10
hot_standby = on
shared_buffers = 256MB
CONF
fi

pids=()
cleanup() {
  trap "" INT TERM   # a second Ctrl-C must not cut the cleanup short
  trap - EXIT
  log "stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_pg "$pgbin/pg_ctl" -D "$replicadata" -m fast -w stop >/dev/null 2>&1 || true
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
  log "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "starting PostgreSQL on 127.0.0.1:5433"
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start >/dev/null
# The demo password travels in the environment (PGPASSWORD), which ps does not show; never in arguments.
export PGPASSWORD=pitchey
psql() { "$pgbin/psql" -h 127.0.0.1 -p 5433 -U pitchey -v ON_ERROR_STOP=1 -q "$@"; }
if [ "$fresh" = 1 ]; then
  psql -d postgres -c "CREATE DATABASE pitchey"
fi
psql -d pitchey -f config/sql/schema.sql
# The .NET verbs read the connection string from the environment (Database__Primary is the setting
# Database:Primary), never from their command line, which every local user can read in ps.
demo_connection="Host=127.0.0.1;Port=5433;Database=pitchey;Username=pitchey;Password=pitchey"
if [ "$fresh" = 1 ]; then
  log "seeding the demo data set (binary COPY; hashed session tokens)"
  Database__Primary=$demo_connection dotnet "$loadtests_dll" seed --hashed-tokens \
    --tokens-file "$state/demo-tokens.txt" >"$state/seed.log" || { cat "$state/seed.log"; exit 1; }
fi
# The index strategy of the tuned queries, built the way an operator would: migrate apply builds
# each index CONCURRENTLY, checks it is valid, and skips what is already there on a second run.
log "applying config/sql/indexes.sql (migrate apply)"
Database__Primary=$demo_connection dotnet "$gateway_dll" migrate apply config/sql/indexes.sql \
  >"$state/indexes.log" 2>&1 || { cat "$state/indexes.log" >&2; exit 1; }

# --- streaming replica ---------------------------------------------------------------------
# A hot standby of the demo database, made the way an operator would: pg_basebackup -R copies
# the primary and writes standby.signal + primary_conninfo, so it streams WAL from then on.
# A new primary has a new system identifier: a replica of the old one cannot follow it.
[ "$fresh" = 1 ] && rm -rf "$replicadata"
if [ ! -f "$replicadata/PG_VERSION" ]; then
  log "creating a streaming replica in $replicadata (pg_basebackup -R)"
  # PGPASSWORD (exported above) reaches it through the environment, never its command line (ps).
  as_pg "$pgbin/pg_basebackup" -h 127.0.0.1 -p 5433 -U pitchey \
    -D "$replicadata" -R -X stream -c fast >"$state/basebackup.log" 2>&1 \
    || { cat "$state/basebackup.log" >&2; exit 1; }
  # The copy carries the primary's settings; later lines win.
  echo "port = 5434" >>"$replicadata/postgresql.conf"
fi
log "starting the replica on 127.0.0.1:5434"
as_pg "$pgbin/pg_ctl" -D "$replicadata" -l "$replicadata/server.log" -w -t 60 start >/dev/null

# --- management key ------------------------------------------------------------------------
# The demo's management API key: made once, kept owner-only in .pitchey/admin-key. The gateway is
# given only its SHA-256, through the environment: a command line is readable by every local user.
keyfile=$state/admin-key
if [ ! -s "$keyfile" ]; then
  log "generating the management API key ($keyfile)"
  (
    umask 077
    if command -v openssl >/dev/null; then openssl rand -hex 24; else head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; echo; fi >"$keyfile"
  )
fi
chmod 600 "$keyfile"
key_hash=$(tr -d '\n' <"$keyfile" | sha256sum | cut -d' ' -f1)
# For curl -H @file, so the examples below keep the key off curl's command line too.
headerfile=$state/admin-header
(umask 077; printf 'Authorization: ApiKey %s\n' "$(tr -d '\n' <"$keyfile")" >"$headerfile")

# --- start ---------------------------------------------------------------------------------
log "starting the stand-in API on 127.0.0.1:5080"
dotnet loadtests/Pitchey.StandIn/bin/Release/net10.0/Pitchey.StandIn.dll --urls http://127.0.0.1:5080 &
pids+=($!)

log "starting the gateway on 127.0.0.1:8080 (management plane on 127.0.0.1:8081)"
ASPNETCORE_ENVIRONMENT=Development PITCHEY_CONFIG_DIR="$root/config" TunedQueries__HashedSessionTokens=true \
  Management__ApiKeySha256=$key_hash dotnet "$gateway_dll" &
pids+=($!)

for _ in $(seq 1 100); do
  curl -fs http://127.0.0.1:8080/health/live >/dev/null 2>&1 && curl -fs http://127.0.0.1:8081/ >/dev/null 2>&1 && break
  sleep 0.2
done

token=$(head -n 1 "$state/demo-tokens.txt" 2>/dev/null || echo "see $state/demo-tokens.txt")
cat <<INFO

  Gateway        http://127.0.0.1:8080   (config: config/gateway.json, config/appsettings*.json)
  Stand-in API   http://127.0.0.1:5080   (switches: PUT /_standin/faults, GET /_standin/stats)
  PostgreSQL     127.0.0.1:5433          (psql -h 127.0.0.1 -p 5433 -U pitchey pitchey; password pitchey)
  Replica        127.0.0.1:5434          (streaming hot standby of 5433; reads are routed to it)
  Management     http://127.0.0.1:8081/  (status page; /metrics, /api/health/detailed, /admin/breakers)
                 API key: $keyfile (owner-only; the page asks for it once)

  Try:
    curl -s http://127.0.0.1:8080/api/health
    curl -s http://127.0.0.1:8080/health/ready
    curl -s -H @$headerfile http://127.0.0.1:8081/api/health/detailed
    curl -s -H @$headerfile http://127.0.0.1:8081/metrics | grep ^pitchey_
    curl -s -H @$headerfile -X POST http://127.0.0.1:8081/admin/breakers/api/isolate   # then .../reset
    curl -s 'http://127.0.0.1:8080/api/anything?x=1'          # forwarded to the stand-in API
    curl -si -X POST http://127.0.0.1:8080/api/anything | grep -i pitchey-lsn   # read-your-writes LSN

  Tuned endpoints (answered from PostgreSQL by the gateway; tokens: $state/demo-tokens.txt, creators first):
    curl -s 'http://127.0.0.1:8080/api/pitches/browse/enhanced?genre=Drama&sort=date&order=desc&limit=24&offset=48'
    curl -s 'http://127.0.0.1:8080/api/pitches/browse/enhanced?sort=views&limit=5'    # then &cursor=<nextCursor>
    curl -si 'http://127.0.0.1:8080/api/pitches/search?q=harbor&limit=5'        # the API's substring match
    curl -s  http://127.0.0.1:8080/api/dashboard/stats
    curl -s  http://127.0.0.1:8080/api/auth/session --cookie 'pitchey-session=$token'
    curl -si http://127.0.0.1:8080/api/creator/dashboard -H 'Authorization: Bearer $token'
    curl -s -X PUT http://127.0.0.1:5080/_standin/faults -H 'Content-Type: application/json' -d '{"errorRate":0.5}'

  Ctrl-C stops everything.
INFO

# Whichever child ends first ends the demo.
wait -n "${pids[@]}"
