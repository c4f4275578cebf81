#!/usr/bin/env bash
# Installs what the integration tests need besides Maven: the TypeScript SDK client (npm ci) and, in
# npm's cache, Node 22 with the official conformance suite. Idempotent; quick when already done.
set -euo pipefail
cd "$(dirname "$0")"
command -v node >/dev/null || { echo "node and npm are required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -d node/node_modules/@modelcontextprotocol/sdk ]; then
  (cd node && npm ci --no-audit --no-fund --loglevel=error)
fi
# Warm npm's cache so that the tests' npx calls do not download under a time limit.
npx --yes -p node@22 -p @modelcontextprotocol/conformance@0.1.16 -c 'conformance --version' >/dev/null
