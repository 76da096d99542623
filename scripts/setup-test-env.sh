#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, into a virtual environment .venv/
# (Debian's Python refuses pip installs outside one, PEP 668): the pinned Python dev
# requirements, the pinned npm packages (axe-core, vnu-jar for tests/test_validators.py,
# decap-server for the web editor's test), Debian's Java (default-jre-headless) and Debian's
# Chromium (the browser tests use it; Playwright's own browser download is not used).
# Debian packages it installs when missing: python3-venv, chromium, nodejs, npm, default-jre-headless.
# Safe to run again: it skips what is already there. Then: .venv/bin/python -m pytest
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
apt_install() {
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}

# python3 -m venv fails on Debian until python3-venv (ensurepip) is installed.
if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv
    python3 -m venv .venv
  fi
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install -q -r requirements-dev.txt

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# Java for the Nu HTML Checker (vnu-jar, tests/test_validators.py); before `npm ci`, whose
# vnu-jar install step would otherwise download a Java runtime of its own.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

# Exactly package-lock.json's versions; no audit or funding calls to the registry.
npm ci --no-audit --no-fund --loglevel=error
chromium --version 2>/dev/null | head -n 1
