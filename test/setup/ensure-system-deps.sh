#!/usr/bin/env bash
# Makes sure the programs the tests drive are installed: Debian's Chromium (browser tests), ffmpeg
# (media pipeline tests), redis-server and PostgreSQL 15 (scale-out tests start real ones). Installs them with apt-get when running as root; otherwise says exactly how.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v "${FFMPEG_PATH:-ffmpeg}" >/dev/null 2>&1 || missing+=(ffmpeg)
[ -x "${REDIS_SERVER:-/usr/bin/redis-server}" ] || missing+=(redis-server)
[ -x "${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}/postgres" ] || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the tests (apt-get)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-noto-cjk >/dev/null
  # The packages start system-wide services; the tests start their own on free ports, so stop those.
  if [[ " ${missing[*]} " == *" redis-server "* || " ${missing[*]} " == *" postgresql "* ]]; then
    (service redis-server stop; service postgresql stop) >/dev/null 2>&1 || true
  fi
else
  echo "The tests need: ${missing[*]}. Install with:" >&2
  echo "  sudo apt-get install ${missing[*]} fonts-noto-cjk" >&2
  echo "(or set CHROMIUM_PATH / FFMPEG_PATH / REDIS_SERVER / POSTGRES_BIN to where they are)" >&2
  exit 1
fi
