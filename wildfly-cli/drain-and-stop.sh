#!/usr/bin/env bash
# Drains one WildFly server of mcp-cluster, then stops it gracefully (docs/OPERATIONS.md#drain-and-rolling-restarts):
#   wildfly-cli/drain-and-stop.sh JBOSS_HOME HTTP_URL CONTROLLER [SUSPEND_SECONDS]
#   e.g. MCP_HEALTH_TOKEN=… wildfly-cli/drain-and-stop.sh $JBOSS_HOME http://127.0.0.1:8080 127.0.0.1:9990
# 1. POST HTTP_URL/health/drain with MCP_HEALTH_TOKEN (DrainCommand from the launcher jar, MCP_LAUNCHER_JAR or
#    target/mcp-cluster-launcher.jar): not ready, new requests 503, running ones finished, streams handed off.
#    Without MCP_HEALTH_TOKEN this step is skipped and the suspension below drains alone.
# 2. :shutdown(suspend-timeout=N): WildFly refuses new requests (503) and lets running ones finish, then stops.
set -euo pipefail
home=${1:?usage: drain-and-stop.sh JBOSS_HOME HTTP_URL CONTROLLER [SUSPEND_SECONDS]}
url=${2:?HTTP_URL}
controller=${3:?CONTROLLER}
suspend=${4:-10}
jar=${MCP_LAUNCHER_JAR:-target/mcp-cluster-launcher.jar}
if [ -n "${MCP_HEALTH_TOKEN:-}" ]; then
  java -cp "$jar" io.mcpcluster.launcher.DrainCommand "$url" || echo "the drain did not complete; stopping anyway" >&2
fi
"$home/bin/jboss-cli.sh" --connect --controller="$controller" --command=":shutdown(suspend-timeout=$suspend)"
