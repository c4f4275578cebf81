#!/usr/bin/env bash
# Configures a WildFly installation for mcp-cluster, offline (embedded CLI, no server running): installs
# the server module io.mcpcluster.routing (install-module.sh: the jar of MCP_MODULE_JAR, default this
# repository's target/mcp-cluster-wildfly-module.jar), copies standalone-ha.xml and applies the
# discovery script, bus-tls.cli, mcp-caches.cli and no-internals.cli to the copy:
#   wildfly-cli/configure.sh JBOSS_HOME            -> standalone-mcp.xml      (TCPPING, fixed peers)
#   wildfly-cli/configure.sh JBOSS_HOME dns-ping   -> standalone-mcp-dns.xml  (DNS_PING, Kubernetes)
# Then start a node with: JBOSS_HOME/bin/standalone.sh -c standalone-mcp.xml -b=127.0.0.1 -bprivate=127.0.0.1 \
#   -Dmcp.cluster.keystore=FILE -Dmcp.cluster.keystore.password=SECRET      (the cluster bus's key material)
# MCP_CLUSTER_TRUSTED_NETWORK=true leaves bus-tls.cli out: members then join and talk unauthenticated,
# in clear text. Only for a network that nothing else can reach.
set -euo pipefail
home=${1:?usage: configure.sh JBOSS_HOME [tcpping|dns-ping]}
discovery=${2:-tcpping}
here=$(cd "$(dirname "$0")" && pwd)
case "$discovery" in
  tcpping) name=standalone-mcp.xml ;;
  dns-ping) name=standalone-mcp-dns.xml ;;
  *) echo "unknown discovery '$discovery': tcpping or dns-ping" >&2; exit 2 ;;
esac
# The cache container mcp names this module in mcp-caches.cli: it must exist before the CLI runs.
"$here/install-module.sh" "$home"
config=$home/standalone/configuration
cp "$config/standalone-ha.xml" "$config/$name"
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
  echo "embed-server --server-config=$name --std-out=discard"
  cat "$here/$discovery.cli"
  if [ "${MCP_CLUSTER_TRUSTED_NETWORK:-false}" = true ]; then
    echo "MCP_CLUSTER_TRUSTED_NETWORK=true: the cluster bus of $name is neither authenticated nor encrypted" >&2
  else
    cat "$here/bus-tls.cli"
  fi
  cat "$here/mcp-caches.cli" "$here/no-internals.cli"
  echo "stop-embedded-server"
} > "$script"
# Elytron loads a key store as soon as it is added: configuring needs one, so a throwaway one is
# given here. The saved configuration keeps the expressions; a server resolves them to its own.
throwaway=$(mktemp -d)
trap 'rm -rf "$script" "$throwaway"' EXIT
keytool -genkeypair -alias mcp-bus -keyalg EC -groupname secp256r1 -dname CN=configure-only -validity 1 \
  -storetype PKCS12 -keystore "$throwaway/bus.p12" -storepass configure-only >/dev/null 2>&1
"$home/bin/jboss-cli.sh" --file="$script" -Dmcp.cluster.keystore="$throwaway/bus.p12" \
  -Dmcp.cluster.keystore.password=configure-only
echo "configured $config/$name ($discovery)"
