#!/usr/bin/env bash
# Installs the Node packages the integration tests use, at the versions of pom.xml's properties: the
# TypeScript SDK client (mcp-ts-sdk.version) in tests-it/node, and in npm's cache Node
# (conformance-node.version) with both versions of the official conformance suite (conformance.version,
# conformance-next.version). Idempotent; quick when already done.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "node and npm are required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
version() { ../dev version "$1"; }

sdk=$(version mcp-ts-sdk.version)
installed=$(node -p "require('./node/node_modules/@modelcontextprotocol/sdk/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$sdk" ]; then
  (cd node && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "@modelcontextprotocol/sdk@$sdk")
fi
# Warm npm's cache so that the tests' npx calls do not download under a time limit.
node_major=$(version conformance-node.version)
for suite in conformance.version conformance-next.version; do
  if ! out=$(npx --yes -p "node@$node_major" -p "@modelcontextprotocol/conformance@$(version "$suite")" \
      -c 'conformance --version' 2>&1); then
    echo "$out" >&2
    exit 1
  fi
done
