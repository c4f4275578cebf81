#!/usr/bin/env bash
# Prepares the managed WildFly pair of the Arquillian tests (run by Maven before them): configures the
# WildFly that Maven unpacked with wildfly-cli/configure.sh (again when a .cli changed), installs this
# build's server module, then gives each server a fresh base directory (configuration, data, logs)
# copied from standalone/, and makes this run's key store of the cluster bus, NODES_DIR/bus.p12
# (password test-run-only, as in BusKeys), which arquillian.xml and WildFlyServer give both servers.
#   tests-it/prepare-wildfly.sh JBOSS_HOME NODES_DIR
set -euo pipefail
home=${1:?JBOSS_HOME}
nodes=${2:?NODES_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$home/standalone/configuration/standalone-mcp-dns.xml" ] \
    || [ -n "$(find "$root/wildfly-cli" -name '*.cli' -newer "$home/standalone/configuration/standalone-mcp.xml")" ]; then
  "$root/wildfly-cli/configure.sh" "$home" tcpping
  # Not started by the tests, but applied, so that the Kubernetes variant is checked against
  # WildFly's management model too.
  "$root/wildfly-cli/configure.sh" "$home" dns-ping
fi
# This build's listener filter, every run (configure.sh installs it too, but only configures when needed).
"$root/wildfly-cli/install-module.sh" "$home"
rm -rf "$nodes"
mkdir -p "$nodes"
for n in wf1 wf2; do
  cp -r "$home/standalone" "$nodes/$n"
done
keytool -genkeypair -alias mcp-bus -keyalg EC -groupname secp256r1 -dname CN=wildfly-pair -validity 2 \
  -storetype PKCS12 -keystore "$nodes/bus.p12" -storepass test-run-only >/dev/null 2>&1
echo "WildFly pair prepared in $nodes"
