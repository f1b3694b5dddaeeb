# Sourced by the other scripts: installs the Debian packages they need, once, only if missing.
# usage: need_packages PKG...
need_packages() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ -z "${JXJY_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq >&2
    export JXJY_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}
