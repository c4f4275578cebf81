#!/usr/bin/env bash
# Installs what the integration tests need besides Maven, at the versions of pom.xml's properties: the
# TypeScript SDK client (mcp-ts-sdk.version) in tests-it/node, its v2 client (mcp-ts-client2.version,
# another package name, in tests-it/node/v2 so that neither install prunes the other), the Python MCP SDK client (a venv in
# python/.venv from the pinned python/requirements.txt), and in npm's cache Node
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
client2=$(version mcp-ts-client2.version)
installed=$(node -p "require('./node/v2/node_modules/@modelcontextprotocol/client/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$client2" ]; then
  (cd node/v2 && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "@modelcontextprotocol/client@$client2")
fi
command -v python3 >/dev/null || { echo "python3 is required (Debian: apt-get install python3 python3-venv)" >&2; exit 1; }
# The venv is rebuilt whenever the pinned requirements change; --retries 0: an index that is not
# reachable from here is skipped at once instead of after minutes of back-off.
if ! cmp -s python/requirements.txt python/.venv/requirements.txt 2>/dev/null; then
  rm -rf python/.venv
  python3 -m venv python/.venv || { echo "python3 -m venv failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
  python/.venv/bin/python -m pip --version >/dev/null 2>&1 \
    || { echo "pip is missing in the venv (Debian: apt-get install python3-pip python3-venv)" >&2; exit 1; }
  python/.venv/bin/python -m pip install --quiet --retries 0 --disable-pip-version-check -r python/requirements.txt
  cp python/requirements.txt python/.venv/requirements.txt
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
