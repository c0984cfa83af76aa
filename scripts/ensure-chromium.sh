#!/usr/bin/env bash
# Browser and PDF tests drive Debian's chromium, read PDFs with poppler and QR codes with zbar.
# Install what is missing when we are root; elsewhere set CHROMIUM to any Chromium (for example
# Playwright's own) and install poppler-utils and zbar-tools with your package manager.
set -euo pipefail
missing=()
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing: ${missing[*]}. Install them, or set CHROMIUM to a Chromium binary." >&2
  exit 1
fi
