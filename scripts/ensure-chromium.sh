#!/usr/bin/env bash
# Browser tests drive Debian's chromium. Install it when missing and we are root;
# elsewhere set CHROMIUM to any Chromium (for example Playwright's own).
set -euo pipefail
if [ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium poppler-utils >/dev/null
else
  echo "No chromium found: install it, or set CHROMIUM to a Chromium binary." >&2
  exit 1
fi
