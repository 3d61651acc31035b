#!/usr/bin/env bash
# Serves FerretDB v1.24.2 (the MongoDB wire protocol on PostgreSQL) in the foreground: the
# production-like database where mongod cannot be downloaded. Builds it from the Go module
# proxy on first use and keeps the binary in .cache/ (the same build the embedded FerretDB
# uses); creates its PostgreSQL database (UTF8, C locale) if missing.
#
#   npm run db:ferretdb                          # 127.0.0.1:27017, PostgreSQL database "ferretdb"
#   npm run db:ferretdb -- --port 27018 --database foro_demo
#   bash scripts/ferretdb.sh --build-only        # just build (CI does this first)
#   bash scripts/ferretdb.sh --recreate ...      # drop the PostgreSQL database first: all data is lost
#
# Environment: FERRETDB_PORT, FERRETDB_DATABASE, and PostgreSQL's PGHOST, PGPORT, PGUSER.
set -euo pipefail

port="${FERRETDB_PORT:-27017}"
database="${FERRETDB_DATABASE:-ferretdb}"
recreate=false
build_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --recreate) recreate=true; shift ;;
    --build-only) build_only=true; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ferretdb.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$port" =~ ^[0-9]{1,5}$ ]] || { echo "ferretdb.sh: --port must be a number" >&2; exit 2; }
[[ "$database" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || {
  echo "ferretdb.sh: --database must be lower-case letters, digits and _ (at most 63)" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
# The same build as the embedded database's: checked by checksum and -version, rebuilt if broken.
binary="$(cd "$root" && node --import tsx scripts/ferretdb-build.ts)"
$build_only && exit 0

pg_host="${PGHOST:-127.0.0.1}"
pg_port="${PGPORT:-5432}"
pg_user="${PGUSER:-postgres}"
pg=(-h "$pg_host" -p "$pg_port" -U "$pg_user")

if $recreate; then
  dropdb "${pg[@]}" --if-exists --force "$database"
fi
if [ "$(psql "${pg[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
  createdb "${pg[@]}" -E UTF8 --locale=C.UTF-8 -T template0 "$database"
  echo "ferretdb.sh: created PostgreSQL database $database" >&2
fi

echo "ferretdb.sh: serving; use MONGODB_URI=mongodb://127.0.0.1:$port/foro" >&2
exec "$binary" -handler postgresql -listen "127.0.0.1:$port" -postgresql-url "postgres://$pg_user@$pg_host:$pg_port/$database"
