#!/usr/bin/env bash
# Starts a local PostgreSQL server for the @frontline/postgres server tests and benchmarks, and prints its
# URL as the last line of stdout:
#
#   export FRONTLINE_PG_URL="$(bash scripts/start-postgres.sh | tail -n 1)"
#
# Debian 12 as root: installs the `postgresql` package when it is missing, creates or starts the `15 main`
# cluster, and makes a `frontline` role (password `frontline`) owning a `frontline` database. Idempotent:
# re-running it when everything is already up changes nothing and prints the same URL.
# Progress goes to stderr so that stdout carries only the URL.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PG_PORT:-5432}"
DB_USER="${FRONTLINE_DB_USER:-frontline}"
DB_PASSWORD="${FRONTLINE_DB_PASSWORD:-frontline}"
DB_NAME="${FRONTLINE_DB_NAME:-frontline}"

log() { echo "start-postgres: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (it installs packages and manages the cluster)"
  exit 1
fi

if [ ! -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing PostgreSQL ${PG_VERSION}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} ${PG_CLUSTER}"; then
  log "creating cluster ${PG_VERSION}/${PG_CLUSTER} on port ${PG_PORT}"
  pg_createcluster "${PG_VERSION}" "${PG_CLUSTER}" --port "${PG_PORT}" >&2
fi

# The port the cluster really listens on (an existing cluster may use another one).
PG_PORT="$(pg_lsclusters -h | awk -v v="${PG_VERSION}" -v c="${PG_CLUSTER}" '$1==v && $2==c {print $3}')"

status="$(pg_lsclusters -h | awk -v v="${PG_VERSION}" -v c="${PG_CLUSTER}" '$1==v && $2==c {print $4}')"
if [ "${status}" != "online" ]; then
  log "starting cluster ${PG_VERSION}/${PG_CLUSTER}"
  # A stale pid file from a machine that was stopped hard keeps the cluster from starting.
  pidfile="/var/lib/postgresql/${PG_VERSION}/${PG_CLUSTER}/postmaster.pid"
  if [ -f "${pidfile}" ] && ! kill -0 "$(head -n 1 "${pidfile}")" 2>/dev/null; then
    log "removing stale ${pidfile}"
    rm -f "${pidfile}"
  fi
  pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" start >&2
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "${PG_PORT}"; then break; fi
  sleep 0.5
done
if ! pg_isready -q -h 127.0.0.1 -p "${PG_PORT}"; then
  log "the server did not become ready on 127.0.0.1:${PG_PORT}"
  exit 1
fi

as_postgres() { runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "${PG_PORT}" -d postgres "$@"; }

role_exists="$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '${DB_USER}'")"
if [ "${role_exists}" != "1" ]; then
  log "creating role ${DB_USER}"
  psql_admin -c "CREATE ROLE \"${DB_USER}\" LOGIN PASSWORD '${DB_PASSWORD}'" >&2
else
  psql_admin -c "ALTER ROLE \"${DB_USER}\" LOGIN PASSWORD '${DB_PASSWORD}'" >&2
fi

db_exists="$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'")"
if [ "${db_exists}" != "1" ]; then
  log "creating database ${DB_NAME}"
  as_postgres createdb -p "${PG_PORT}" -O "${DB_USER}" "${DB_NAME}" >&2
fi

# The role owns its database, so it may create schemas there; as a plain role it may still end its own
# backends with pg_terminate_backend, which the outbox kill test relies on.
psql_admin -c "GRANT ALL ON DATABASE \"${DB_NAME}\" TO \"${DB_USER}\"" >&2

url="postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${PG_PORT}/${DB_NAME}"
if ! PGPASSWORD="${DB_PASSWORD}" psql -X -q -h 127.0.0.1 -p "${PG_PORT}" -U "${DB_USER}" -d "${DB_NAME}" -tAc 'SELECT 1' >/dev/null; then
  log "cannot log in as ${DB_USER} over TCP at 127.0.0.1:${PG_PORT}"
  exit 1
fi
log "ready"
echo "${url}"
