# Sourced by scripts/ensure-tofu. go_for MIN prints the path of a `go` command of version MIN or
# later, so that a fresh Debian machine can build OpenTofu:
#   - no `go` on PATH: installs Debian's golang-go (bookworm: Go 1.19) with apt-get;
#   - `go` older than MIN (bookworm's 1.19 cannot build OpenTofu 1.12, whose go.mod says go 1.26.6):
#     downloads the Go toolchain of version MIN, which the Go module proxy serves as the module
#     golang.org/toolchain@v0.0.1-go<MIN>.<os>-<arch> (what Go 1.21+ does itself with
#     GOTOOLCHAIN=auto), with the ordinary `go mod download`, into GOMODCACHE.
# Needs GOMODCACHE and GOFLAGS=-modcacherw exported by the caller. Progress goes to stderr.

go_older_than() { # A B: true when version A < version B (dotted numbers, e.g. 1.19.8 1.26.6)
  [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" == "$1" ]]
}

go_for() {
  local min="$1" go_cmd have os arch module dir
  if ! command -v go >/dev/null 2>&1; then
    echo "ensure-tofu: no Go toolchain on PATH; installing Debian's golang-go" >&2
    local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo -n"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends golang-go; } >&2; then
      echo "ensure-tofu: could not install golang-go; as root run: apt-get install golang-go" >&2
      return 2
    fi
  fi
  go_cmd="$(command -v go)"
  have="$("$go_cmd" env GOVERSION)"; have="${have#go}"
  if ! go_older_than "$have" "$min"; then
    echo "$go_cmd"
    return 0
  fi
  os="$("$go_cmd" env GOHOSTOS)"; arch="$("$go_cmd" env GOHOSTARCH)"
  module="golang.org/toolchain@v0.0.1-go$min.$os-$arch"
  echo "ensure-tofu: Go $have is older than the Go $min OpenTofu needs; fetching $module from the Go module proxy" >&2
  if ! dir="$(GOTOOLCHAIN=local "$go_cmd" mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')" \
      || [[ -z "$dir" || ! -d "$dir/bin" ]]; then
    echo "ensure-tofu: could not fetch Go $min ($module). Fix: install Go $min or later and put it" \
      "first on PATH, e.g. as root: curl -fsSL https://go.dev/dl/go$min.$os-$arch.tar.gz | tar -C /usr/local -xz" \
      "&& export PATH=/usr/local/go/bin:\$PATH" >&2
    return 2
  fi
  chmod -R u+w "$dir" # module zips carry no file modes: make the toolchain's programs executable
  chmod +x "$dir"/bin/* "$dir"/pkg/tool/*/*
  if ! "$dir/bin/go" version >/dev/null 2>&1; then
    echo "ensure-tofu: the fetched Go $min at $dir does not run; install Go $min or later and put it first on PATH" >&2
    return 2
  fi
  echo "$dir/bin/go"
}
