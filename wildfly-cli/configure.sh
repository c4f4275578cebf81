#!/usr/bin/env bash
# Configures a WildFly installation for mcp-cluster, offline (embedded CLI, no server running): copies
# standalone-ha.xml and applies the discovery script, mcp-caches.cli and no-internals.cli to the copy:
#   wildfly-cli/configure.sh JBOSS_HOME            -> standalone-mcp.xml      (TCPPING, fixed peers)
#   wildfly-cli/configure.sh JBOSS_HOME dns-ping   -> standalone-mcp-dns.xml  (DNS_PING, Kubernetes)
# Then start a node with: JBOSS_HOME/bin/standalone.sh -c standalone-mcp.xml -b=127.0.0.1 -bprivate=127.0.0.1
set -euo pipefail
home=${1:?usage: configure.sh JBOSS_HOME [tcpping|dns-ping]}
discovery=${2:-tcpping}
here=$(cd "$(dirname "$0")" && pwd)
case "$discovery" in
  tcpping) name=standalone-mcp.xml ;;
  dns-ping) name=standalone-mcp-dns.xml ;;
  *) echo "unknown discovery '$discovery': tcpping or dns-ping" >&2; exit 2 ;;
esac
config=$home/standalone/configuration
cp "$config/standalone-ha.xml" "$config/$name"
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
  echo "embed-server --server-config=$name --std-out=discard"
  cat "$here/$discovery.cli" "$here/mcp-caches.cli" "$here/no-internals.cli"
  echo "stop-embedded-server"
} > "$script"
"$home/bin/jboss-cli.sh" --file="$script"
echo "configured $config/$name ($discovery)"
