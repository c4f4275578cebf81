// The official TypeScript SDK v2 client (@modelcontextprotocol/client) holds a subscriptions/listen
// stream on node A while another client makes the changes through node B (each on a node's own URL).
// usage: node listen.mjs across NODE_A_URL NODE_B_URL | node listen.mjs until-stopped NODE_URL
// across:
// 1. On A, pinned to 2026-07-28: listen({toolsListChanged, resourceSubscriptions: [watched]}); the
//    server's acknowledgement must honour the whole filter.
// 2. Through B: test_trigger_tool_change, then test_trigger_resource_update of the watched URI and of
//    another URI, then test_trigger_prompt_change. A's handlers must see the tool list change and the
//    watched update, and nothing it did not ask for.
// 3. close() on A: the subscription ends 'local'.
// until-stopped: listens on the node, prints "LISTENING", and expects the node's stop to end the
// subscription 'graceful' (the final subscriptions/listen response), not 'remote' (a dropped stream).
// Prints one line "ts2-listen OK ..." and exits 0, or the first failure and exits 1.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";

const [mode, nodeAUrl, nodeBUrl] = process.argv.slice(2);
const WATCHED = "test://watched-resource";
const WAIT_MS = 10_000;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function connect(name, url) {
  const client = new Client({ name, version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  check(client.getProtocolEra() === "modern", `${name} era: ${client.getProtocolEra()}`);
  return client;
}

/** The notifications A's handlers receive, and a way to wait for the next one of a method. */
function recorder(client) {
  const seen = [];
  const waiters = [];
  const record = (notification) => {
    seen.push(notification);
    for (const w of waiters.splice(0)) w();
  };
  for (const method of ["notifications/tools/list_changed", "notifications/prompts/list_changed",
    "notifications/resources/list_changed", "notifications/resources/updated"]) {
    client.setNotificationHandler(method, record);
  }
  const next = async (method, from) => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = seen.slice(from).find((n) => n.method === method);
      if (found) return found;
      check(Date.now() < deadline, `no ${method} on A within ${WAIT_MS} ms; seen: ${JSON.stringify(seen)}`);
      await new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { seen, next };
}

async function across() {
  const onA = await connect("ts2-listen-a", nodeAUrl);
  const onB = await connect("ts2-trigger-b", nodeBUrl);
  const heard = recorder(onA);
  const subscription = await onA.listen({ toolsListChanged: true, resourceSubscriptions: [WATCHED] });
  const honored = subscription.honoredFilter;
  check(honored.toolsListChanged === true && honored.resourceSubscriptions?.includes(WATCHED),
    `honoured filter: ${JSON.stringify(honored)}`);

  const t0 = Date.now();
  await onB.callTool({ name: "test_trigger_tool_change", arguments: {} });
  await heard.next("notifications/tools/list_changed", 0);
  const toolsMs = Date.now() - t0;
  await onB.callTool({ name: "test_trigger_resource_update", arguments: { uri: "test://not-watched" } });
  await onB.callTool({ name: "test_trigger_resource_update", arguments: { uri: WATCHED } });
  const updated = await heard.next("notifications/resources/updated", 0);
  check(updated.params?.uri === WATCHED, `update: ${JSON.stringify(updated)}`);
  await onB.callTool({ name: "test_trigger_prompt_change", arguments: {} });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const methods = heard.seen.map((n) => n.method + (n.params?.uri ? ` ${n.params.uri}` : ""));
  check(JSON.stringify(methods) === JSON.stringify(["notifications/tools/list_changed",
    `notifications/resources/updated ${WATCHED}`]), `A heard more or less than it asked for: ${methods}`);

  await subscription.close();
  const how = await subscription.closed;
  check(how === "local", `closed: ${how}`);
  await onA.close();
  await onB.close();
  return `tools=B->A updated=B->A filtered=yes closed=${how} toolsMs=${toolsMs}`;
}

async function untilStopped() {
  const client = await connect("ts2-listen-until-stopped", nodeAUrl);
  const subscription = await client.listen({ toolsListChanged: true });
  console.log("LISTENING");
  const how = await subscription.closed;
  check(how === "graceful", `the node's stop ended the subscription '${how}', not 'graceful'`);
  return `closed=${how}`;
}

try {
  const outcome = mode === "until-stopped" ? await untilStopped() : await across();
  console.log(`ts2-listen OK mode=${mode} ${outcome}`);
  process.exit(0);
} catch (e) {
  console.error(`ts2-listen FAILED: ${e?.stack ?? e}`);
  process.exit(1);
}
