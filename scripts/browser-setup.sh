#!/usr/bin/env bash
# Installs the headless browser the web UI's browser tests drive (tests/test_web_browser.py):
# Debian's chromium and chromium-driver, from the distribution's own packages. Nothing else is
# downloaded: the tests point Selenium at /usr/bin/chromium and /usr/bin/chromedriver, so its
# driver manager never fetches a browser build. Safe to run repeatedly; needs root (or sudo).
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "browser-setup: chromium and chromedriver already installed ($(chromium --version 2>/dev/null | head -n 1))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "browser-setup: need root to install chromium and chromium-driver (apt-get); run as root" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
echo "browser-setup: installed $(chromium --version 2>/dev/null | head -n 1)"
