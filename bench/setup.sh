#!/usr/bin/env bash
# Installs what the benchmarks use (Debian): wrk, the PostgreSQL server binaries (initdb, pg_ctl),
# psql and pgbench, curl, jq, python3. Needs root (or sudo).
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update
$SUDO apt-get install -y wrk postgresql postgresql-client postgresql-contrib curl jq python3
