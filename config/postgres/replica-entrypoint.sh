#!/usr/bin/env bash
# docker-compose.yml's streaming replica, on the official postgres image. On the first start (empty
# data directory) it clones the primary with pg_basebackup -R, which writes standby.signal and
# primary_conninfo, on a physical replication slot so the primary keeps the WAL the replica still
# needs. Then it runs its arguments: the image's own entrypoint, which finds a data directory and
# starts postgres as a hot standby. The password reaches libpq as PGPASSWORD, never a command line.
set -euo pipefail

if [ "$(id -u)" = 0 ]; then
  exec gosu postgres bash "$0" "$@" # the image's postgres user owns the data directory
fi

: "${PRIMARY_HOST:?set PRIMARY_HOST}" "${REPLICATION_USER:?set REPLICATION_USER}" "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
PGDATA=${PGDATA:-/var/lib/postgresql/data}
port=${PRIMARY_PORT:-5432}
slot=${REPLICATION_SLOT:-replica_1}
case "$slot" in
  *[!a-z0-9_]* | "") echo "REPLICATION_SLOT must be lower-case letters, digits and _" >&2; exit 64 ;;
esac

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  export PGPASSWORD="$REPLICATION_PASSWORD"
  until pg_isready -q -h "$PRIMARY_HOST" -p "$port"; do
    echo "waiting for the primary at $PRIMARY_HOST:$port"
    sleep 1
  done
  # Idempotent: a replica whose volume was wiped finds its slot still there and reuses it.
  psql -v ON_ERROR_STOP=1 --no-psqlrc -q -h "$PRIMARY_HOST" -p "$port" -U "$REPLICATION_USER" -d postgres \
    -c "SELECT pg_create_physical_replication_slot('$slot') WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = '$slot')" >/dev/null
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  pg_basebackup -h "$PRIMARY_HOST" -p "$port" -U "$REPLICATION_USER" -D "$PGDATA" -R -X stream -S "$slot" -c fast -w
  unset PGPASSWORD
fi

exec "$@"
