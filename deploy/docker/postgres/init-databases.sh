#!/usr/bin/env bash
# Runs once, when the PostgreSQL container starts on an empty data volume (docker-entrypoint-initdb.d):
# one role and one database per service and one for the gateway (its rate limits), the role owning its database
# and nothing else. As with ./bantam up, each role's password is its name unless BANTAM_DB_PASSWORD_<NAME> says
# otherwise (these are local credentials; Kubernetes takes them from Secrets, see deploy/k8s).
set -euo pipefail

for name in ${BANTAM_DATABASES:-identity relationship booking task notes gateway}; do
  var="BANTAM_DB_PASSWORD_${name^^}"
  password="${!var:-$name}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
  echo "database ${name} with its role created"
done
