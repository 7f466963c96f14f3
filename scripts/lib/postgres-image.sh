#!/usr/bin/env bash
# Builds a PostgreSQL 15 server image from the host's installed Debian packages (no network pull:
# no public image can be pulled here), cached, and pushes it.
#
#   scripts/lib/postgres-image.sh NAME TAG REGISTRY_HOSTPORT
#
# The root filesystem is the installed server (/usr/lib/postgresql/15, /usr/share/postgresql/15),
# every library its binaries need (ldd), busybox for the entry script, UTC zone data, and a postgres
# user (uid 999). Built once per installed server version and kept as the local image
# phoenix-postgres15:<version> (the cache); each call tags and pushes that image.
# The LAST line on stdout is the pushed manifest digest (sha256:...).
#
# At `docker run`: POSTGRES_PASSWORD (required), POSTGRES_USER (default postgres); the server
# listens on 5432 on every address (scram-sha-256), data in /var/lib/postgresql/data.
set -euo pipefail
[[ $# -eq 3 ]] || { sed -n '2,14p' "$0" >&2; exit 2; }
name="$1" tag="$2" registry="$3"
pg=/usr/lib/postgresql/15
[[ -x "$pg/bin/postgres" ]] || { echo "postgres-image: $pg/bin/postgres missing (postgresql-15)" >&2; exit 1; }
[[ -x /bin/busybox ]] || { echo "postgres-image: /bin/busybox missing (busybox-static)" >&2; exit 1; }
version="$("$pg/bin/postgres" --version | awk '{print $3}')"
cache="phoenix-postgres15:$version"

if ! docker image inspect "$cache" >/dev/null 2>&1; then
  work="$(mktemp -d /tmp/phoenix-postgres-image.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  root="$work/rootfs"
  mkdir -p "$root"/{bin,etc,tmp,run/postgresql,var/lib/postgresql,usr/share/zoneinfo/Etc}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in sh cat echo printf rm mkdir ls; do ln -s busybox "$root/bin/$applet"; done
  mkdir -p "$root/usr/lib/postgresql" "$root/usr/share/postgresql"
  cp -a "$pg" "$root/usr/lib/postgresql/"
  cp -a /usr/share/postgresql/15 "$root/usr/share/postgresql/"
  cp /usr/share/zoneinfo/UTC "$root/usr/share/zoneinfo/UTC"
  cp /usr/share/zoneinfo/UTC "$root/usr/share/zoneinfo/Etc/UTC"
  for f in "$pg"/bin/* "$pg"/lib/*.so; do
    ldd "$f" 2>/dev/null | awk '/=> \//{print $3} $1 ~ /^\/.*ld-linux/{print $1}'
  done | sort -u | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  printf 'root:x:0:0:root:/:/bin/sh\npostgres:x:999:999:postgres:/var/lib/postgresql:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\npostgres:x:999:\n' >"$root/etc/group"
  cat >"$root/bin/start" <<'SH'
#!/bin/sh
set -e
PGDATA=/var/lib/postgresql/data
export PATH=/usr/lib/postgresql/15/bin:/bin TZ=UTC
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "${POSTGRES_PASSWORD:-}" ] || { echo "postgres image: POSTGRES_PASSWORD is required" >&2; exit 1; }
  printf '%s' "$POSTGRES_PASSWORD" >/tmp/pw
  initdb -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile=/tmp/pw --auth=scram-sha-256 \
    --locale=C --encoding=UTF8 >/dev/null
  rm -f /tmp/pw
  echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp -c timezone=UTC \
  -c log_timezone=UTC
SH
  chmod 755 "$root/bin/start"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -c --exclude=./var/lib/postgresql --exclude=./run/postgresql . \
    >"$work/root.tar"
  # the data and socket directories belong to the postgres user
  tar --numeric-owner --owner=999 --group=999 -C "$root" -r -f "$work/root.tar" ./var/lib/postgresql ./run/postgresql
  docker import --change 'USER 999:999' --change 'EXPOSE 5432' --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'CMD ["/bin/start"]' "$work/root.tar" "$cache" >/dev/null
  echo "postgres-image: built $cache" >&2
fi
ref="$registry/$name:$tag"
docker tag "$cache" "$ref"
push_out="$(docker push "$ref" 2>&1)" || { echo "$push_out" >&2; echo "postgres-image: docker push $ref failed" >&2; exit 1; }
digest="$(echo "$push_out" | grep -o 'digest: sha256:[0-9a-f]\{64\}' | tail -n 1 | cut -d' ' -f2)"
[[ -n "$digest" ]] || { echo "postgres-image: no digest in docker push output" >&2; exit 1; }
docker rmi "$ref" >/dev/null 2>&1 || true
echo "$digest"
