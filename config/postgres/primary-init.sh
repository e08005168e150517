#!/usr/bin/env bash
# docker-compose.yml's primary: run once by the official postgres image when it initialises the data
# directory (/docker-entrypoint-initdb.d). Creates the role the replica streams with and lets it in.
# The password reaches psql through its environment (\getenv), never a command line.
set -euo pipefail
: "${REPLICATION_USER:?set REPLICATION_USER}" "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
\getenv replication_user REPLICATION_USER
\getenv replication_password REPLICATION_PASSWORD
CREATE ROLE :"replication_user" WITH REPLICATION LOGIN PASSWORD :'replication_password';
SQL

# Replication connections match only lines naming "replication"; the image's "host all all all" does not.
echo "host replication $REPLICATION_USER all scram-sha-256" >> "$PGDATA/pg_hba.conf"
