#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: the pinned Python dev
# requirements, the pinned npm packages (axe-core for tests/test_accessibility.py, vnu-jar for
# tests/test_validators.py), Debian's Java (default-jre-headless) and Debian's Chromium (the browser tests use it; Playwright's own browser
# download is not used). Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m pip install -q -r requirements-dev.txt

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# Java for the Nu HTML Checker (vnu-jar, tests/test_validators.py); before `npm ci`, whose
# vnu-jar install step would otherwise download a Java runtime of its own.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

# Exactly package-lock.json's versions; no audit or funding calls to the registry.
npm ci --no-audit --no-fund --loglevel=error
chromium --version 2>/dev/null | head -n 1
