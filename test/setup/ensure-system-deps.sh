#!/usr/bin/env bash
# Makes sure the programs the tests drive are installed: Debian's Chromium (browser tests) and ffmpeg
# (media pipeline tests). Installs them with apt-get when running as root; otherwise says exactly how.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v "${FFMPEG_PATH:-ffmpeg}" >/dev/null 2>&1 || missing+=(ffmpeg)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the tests (apt-get)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-noto-cjk >/dev/null
else
  echo "The tests need: ${missing[*]}. Install with:" >&2
  echo "  sudo apt-get install ${missing[*]} fonts-noto-cjk" >&2
  echo "(or set CHROMIUM_PATH / FFMPEG_PATH to where they are)" >&2
  exit 1
fi
