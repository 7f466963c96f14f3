# Sourced by scripts/demo: starts the embedded defaults on loopback and stops them on exit.
#   start_registry DIR   docker-registry on 127.0.0.1:<free port>  → REGISTRY=127.0.0.1:PORT
#   start_moto DIR       moto server on 127.0.0.1:<free port>      → AWS_ENDPOINT_URL=http://127.0.0.1:PORT
# Both write their logs under DIR. Nothing listens on anything but loopback.

demo_pids=()
demo_stop() { for pid in "${demo_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { # URL SECONDS
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    (( $(date +%s) < deadline )) || { echo "demo: $1 did not answer within $2 s" >&2; return 1; }
    sleep 0.2
  done
}

start_registry() {
  local dir="$1/registry" port
  port="$(free_port)"
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<CFG
version: 0.1
log: {level: warn, accesslog: {disabled: false}}
storage:
  filesystem: {rootdirectory: $dir/data}
  delete: {enabled: true}
http: {addr: 127.0.0.1:$port, secret: demo-$port}
CFG
  docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  demo_pids+=($!)
  REGISTRY="127.0.0.1:$port"
  wait_http "http://$REGISTRY/v2/" 20
  REGISTRY_DATA="$dir/data"
}

start_moto() {
  local dir="$1/moto" port
  port="$(free_port)"
  mkdir -p "$dir"
  python3 -m moto.server -H 127.0.0.1 -p "$port" >"$dir/moto.log" 2>&1 &
  demo_pids+=($!)
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  export AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
  wait_http "$AWS_ENDPOINT_URL/moto-api/" 60
}
