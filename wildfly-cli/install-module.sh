#!/usr/bin/env bash
# Installs (or replaces) the server module io.mcpcluster.routing: the listener filter and its ProtoStream
# schema, which the cache container mcp names in its modules (mcp-caches.cli) and the WildFly WAR
# imports. configure.sh runs it; run it alone after a new build, or before mcp-caches.cli on a running
# server (a server reads a module when it first loads it: restart it to pick up a replaced jar).
#   wildfly-cli/install-module.sh JBOSS_HOME [JAR]   (default JAR: MCP_MODULE_JAR, else this repository's
#                                                      target/mcp-cluster-wildfly-module.jar)
set -euo pipefail
home=${1:?usage: install-module.sh JBOSS_HOME [JAR]}
here=$(cd "$(dirname "$0")" && pwd)
jar=${2:-${MCP_MODULE_JAR:-$here/../target/mcp-cluster-wildfly-module.jar}}
[ -f "$jar" ] || { echo "no module jar $jar: build it with mvn package" >&2; exit 2; }
dir=$home/modules/io/mcpcluster/routing/main
mkdir -p "$dir"
cp "$here/routing-module.xml" "$dir/module.xml"
cp "$jar" "$dir/mcp-cluster-routing.jar"
echo "installed module io.mcpcluster.routing in $dir"
