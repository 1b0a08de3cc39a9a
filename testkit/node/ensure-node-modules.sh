#!/bin/sh
# Installs testkit/node/node_modules exactly as package-lock.json says, when it is missing or
# stale (the lockfile changed since the last install). Run by the testkit module's Maven build.
set -eu
cd "$(dirname "$0")"
stamp=node_modules/.jsocketio-installed-lock.json
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  echo "testkit/node: node_modules matches package-lock.json"
  exit 0
fi
echo "testkit/node: npm ci ($(node --version), npm $(npm --version 2>/dev/null))"
# --ignore-scripts: no package here needs one, and none may download anything
npm ci --no-audit --no-fund --ignore-scripts --prefer-offline --loglevel=error
cp package-lock.json "$stamp"
