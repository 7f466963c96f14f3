#!/usr/bin/env bash
# Builds a tiny runnable test image from Debian's busybox-static (no network pull) and pushes it.
#
#   scripts/lib/test-image.sh NAME TAG REGISTRY_HOSTPORT [EXTRA_FILE]
#
#   NAME               repository name in the registry (e.g. "shop/web")
#   TAG                tag to push (e.g. "v1")
#   REGISTRY_HOSTPORT  loopback registry, e.g. 127.0.0.1:5000 (127.0.0.0/8 is an insecure registry by
#                      default for dockerd, so no daemon configuration is needed)
#   EXTRA_FILE         optional local file, copied into the image as /www/<basename>, i.e. served at
#                      GET /<basename>
#
# Prints progress on stderr; the LAST line on stdout is the pushed manifest digest (sha256:...).
# Needs: a running Docker daemon (scripts/ensure-tools), /bin/busybox (busybox-static).
# KEEP_LOCAL=1 keeps the local tag after the push (default: removed, so a later `docker pull` or
# `docker run` of the digest really goes to the registry).
#
# What the image does (CMD /bin/start), driven by env vars at `docker run` time:
#   PORT         port busybox httpd listens on (default 8080, EXPOSEd)
#   HEALTH_PATH  health path answering 200 "ok" (default /healthz)
#   FAIL_HEALTH  =1: the health path is not served (404)
#   HEALTH_DELAY seconds after start before the health path is served (404 until then)
#   ECHO_VARS    space/comma separated names; GET /cgi-bin/env prints NAME=value for each, one a line
#   LEAK_VARS    space/comma separated names: print each value to stdout and stderr in clear (every
#                line), base64 (wrapped at 76 and unwrapped, at byte offsets 0, 1 and 2), every byte
#                percent-encoded and JSON-escaped, then exit 1 (a failing container that leaks its
#                config into its log, for masking tests)
# Files in the image: /etc/phoenix-image (NAME:TAG + a build nonce, so every build has its own layer
# and digest), /www/index.html, /www/cgi-bin/env.
set -euo pipefail

usage() { sed -n '2,13p' "$0" >&2; exit 2; }
[[ $# -ge 3 && $# -le 4 ]] || usage
name="$1" tag="$2" registry="$3" extra="${4:-}"
[[ -n "$extra" && ! -f "$extra" ]] && { echo "test-image: EXTRA_FILE '$extra' not found" >&2; exit 2; }
busybox_bin=/bin/busybox
[[ -x "$busybox_bin" ]] || { echo "test-image: $busybox_bin missing (busybox-static); run scripts/ensure-tools" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "test-image: Docker daemon not answering; run scripts/ensure-tools" >&2; exit 1; }

work="$(mktemp -d /tmp/phoenix-test-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"/{bin,etc,tmp,www/cgi-bin}
chmod 1777 "$root/tmp"
cp "$busybox_bin" "$root/bin/busybox"
for applet in sh ash env cat echo printf ls mkdir sleep httpd wget id hostname kill tr dirname base64 od sed head; do
  ln -s busybox "$root/bin/$applet"
done
printf '%s:%s\nbuild %s-%s\n' "$name" "$tag" "$(date +%s%N)" "$$" >"$root/etc/phoenix-image"
printf '<html><body>phoenix test image %s:%s</body></html>\n' "$name" "$tag" >"$root/www/index.html"
[[ -n "$extra" ]] && cp "$extra" "$root/www/$(basename "$extra")"

cat >"$root/bin/start" <<'EOF'
#!/bin/sh
if [ -n "${LEAK_VARS:-}" ]; then
  for n in $(echo "$LEAK_VARS" | tr ',' ' '); do
    case "$n" in ''|*[!A-Za-z0-9_]*) continue ;; esac
    eval "v=\${$n-}"
    echo "clear $n=$v"
    echo "stderr $n=$v" >&2
    printf '%s' "$v" | base64
    printf '%s=%s' "$n" "$v" | base64 -w 0; echo
    printf 'x%s' "$v" | base64 -w 0; echo
    printf 'xy%s' "$v" | base64 -w 0; echo
    echo "url $n=$(printf '%s' "$v" | od -An -tx1 -v | tr -d ' \n' | sed 's/../%&/g' | tr 'a-f' 'A-F')"
    echo "json {\"$n\":\"$(printf '%s' "$v" | sed 's/\\/\\\\/g; s/"/\\"/g' | sed ':a;N;$!ba;s/\n/\\n/g')\"}"
  done
  exit 1
fi
PORT="${PORT:-8080}"
HEALTH_PATH="${HEALTH_PATH:-/healthz}"
case "$HEALTH_PATH" in /*) ;; *) HEALTH_PATH="/$HEALTH_PATH" ;; esac
if [ "${FAIL_HEALTH:-0}" != 1 ]; then
  mkdir -p "/www$(dirname "$HEALTH_PATH")"
  if [ -n "${HEALTH_DELAY:-}" ]; then
    (sleep "$HEALTH_DELAY"; echo ok >"/www$HEALTH_PATH") &
  else
    echo ok >"/www$HEALTH_PATH"
  fi
fi
echo "phoenix test image $(head -n 1 /etc/phoenix-image) listening on :$PORT health $HEALTH_PATH" >&2
httpd -f -v -p "0.0.0.0:$PORT" -h /www &
pid=$!
trap 'kill $pid 2>/dev/null; exit 0' TERM INT
wait $pid
EOF
cat >"$root/www/cgi-bin/env" <<'EOF'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
for n in $(echo "${ECHO_VARS:-}" | tr ',' ' '); do
  case "$n" in ''|*[!A-Za-z0-9_]*) continue ;; esac
  eval "v=\${$n-}"
  printf '%s=%s\n' "$n" "$v"
done
EOF
chmod 755 "$root/bin/start" "$root/www/cgi-bin/env"

ref="$registry/$name:$tag"
tar --numeric-owner --owner=0 --group=0 -C "$root" -c . | docker import \
  --change 'ENV PORT=8080' \
  --change 'EXPOSE 8080' \
  --change 'WORKDIR /' \
  --change 'CMD ["/bin/start"]' \
  - "$ref" >/dev/null
push_out="$(docker push "$ref" 2>&1)" || { echo "$push_out" >&2; echo "test-image: docker push $ref failed" >&2; exit 1; }
echo "$push_out" >&2
digest="$(echo "$push_out" | grep -o 'digest: sha256:[0-9a-f]\{64\}' | tail -n 1 | cut -d' ' -f2)"
[[ -n "$digest" ]] || { echo "test-image: no digest in docker push output" >&2; exit 1; }
[[ "${KEEP_LOCAL:-0}" == 1 ]] || docker rmi "$ref" >/dev/null 2>&1 || true
echo "$digest"
