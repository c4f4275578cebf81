#!/usr/bin/env bash
# Configures a WildFly installation for mcp-cluster, offline (embedded CLI, no server running):
# copies standalone-ha.xml to standalone-mcp.xml and applies the discovery script and mcp-caches.cli.
#   wildfly-cli/configure.sh JBOSS_HOME [tcpping|dns-ping]     (default tcpping)
# Then start a node with: JBOSS_HOME/bin/standalone.sh -c standalone-mcp.xml -b 127.0.0.1 -bprivate 127.0.0.1
set -euo pipefail
home=${1:?usage: configure.sh JBOSS_HOME [tcpping|dns-ping]}
discovery=${2:-tcpping}
here=$(cd "$(dirname "$0")" && pwd)
config=$home/standalone/configuration
cp "$config/standalone-ha.xml" "$config/standalone-mcp.xml"
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
  echo "embed-server --server-config=standalone-mcp.xml --std-out=discard"
  cat "$here/$discovery.cli" "$here/mcp-caches.cli"
  echo "stop-embedded-server"
} > "$script"
"$home/bin/jboss-cli.sh" --file="$script"
echo "configured $config/standalone-mcp.xml ($discovery)"
