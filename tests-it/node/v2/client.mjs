// Drives mcp-cluster with the official TypeScript SDK v2 client (@modelcontextprotocol/client) in the
// 2026-07-28 era and checks every answer.
// usage: node client.mjs auto|pinned BALANCER_URL NODE_A_URL NODE_B_URL [calls=200]
// 1. One client through the balancer, negotiating `auto` or pinned to 2026-07-28: it must land in the
//    modern era (no session), then `calls` traced_add calls, each sum checked.
// 2. An MRTR elicitation round across two nodes, stock API: a client on node A's own URL in manual mode
//    (autoFulfill: false) gets the input_required result; a second client on node B's own URL retries
//    with the answer and the requestState.
// 3. (extra case, not stock) The SDK's own auto-fulfilment across two nodes: a fetch that sends the
//    retry (a POST carrying requestState) to node B and every other POST to node A.
// Prints one line "ts2-client OK ..." and exits 0, or the first failure and exits 1.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";

const [mode, balancerUrl, nodeAUrl, nodeBUrl, callsArg] = process.argv.slice(2);
const calls = Number(callsArg ?? 200);
const ELICIT = "test_input_required_result_elicitation";
const negotiation = { mode: mode === "pinned" ? { pin: "2026-07-28" } : "auto" };

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function newClient(options = {}) {
  const client = new Client({ name: `ts2-it-${mode}`, version: "1.0.0" },
    { capabilities: { elicitation: {} }, versionNegotiation: negotiation, ...options });
  client.setRequestHandler("elicitation/create", async (req) => {
    check(req.params.requestedSchema?.properties?.name, `elicitation: ${JSON.stringify(req.params)}`);
    return { action: "accept", content: { name: "Ada" } };
  });
  return client;
}

async function connect(client, url, transportOptions = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url), transportOptions);
  await client.connect(transport);
  check(client.getProtocolEra() === "modern", `era: ${client.getProtocolEra()}`);
  check(client.getNegotiatedProtocolVersion() === "2026-07-28", `version: ${client.getNegotiatedProtocolVersion()}`);
  check(transport.sessionId === undefined, `a session was opened: ${transport.sessionId}`);
  return client;
}

function text(result) {
  check(result.content?.[0]?.type === "text", `no text content: ${JSON.stringify(result)}`);
  return result.content[0].text;
}

async function manyCalls() {
  const client = await connect(newClient(), balancerUrl);
  const nodes = {};
  for (let i = 0; i < calls; i++) {
    const a = 1000 * i + 7, b = i * i;
    const r = JSON.parse(text(await client.callTool({ name: "traced_add", arguments: { a, b } })));
    check(r.sum === a + b, `call ${i}: ${a}+${b} answered ${JSON.stringify(r)}`);
    check(r.session === "null", `call ${i} ran in a session: ${JSON.stringify(r)}`);
    nodes[r.node] = (nodes[r.node] ?? 0) + 1;
  }
  await client.close();
  return Object.entries(nodes).sort().map(([n, c]) => `${n}:${c}`).join(",");
}

async function manualRoundAcrossNodes() {
  const onA = await connect(newClient({ inputRequired: { autoFulfill: false } }), nodeAUrl);
  const onB = await connect(newClient({ inputRequired: { autoFulfill: false } }), nodeBUrl);
  const asked = await onA.callTool({ name: ELICIT, arguments: {} }, { allowInputRequired: true });
  check(asked.resultType === "input_required" && asked.requestState, `node A: ${JSON.stringify(asked)}`);
  const [key] = Object.keys(asked.inputRequests);
  check(asked.inputRequests[key].method === "elicitation/create", `input request: ${JSON.stringify(asked)}`);
  const retry = { name: ELICIT, arguments: {}, inputResponses: { [key]: { action: "accept", content: { name: "Ada" } } },
    requestState: asked.requestState };
  check(text(await onB.callTool(retry)) === "Hello, Ada!", "node B did not complete the round");
  let replay;
  try {
    await onA.callTool(retry);
  } catch (e) {
    replay = e;
  }
  check(replay?.code === -32602, `a replay on node A: ${replay}`);
  await onA.close();
  await onB.close();
}

async function autoRoundAcrossNodesWithRoutingFetch() {
  const routed = [];
  const routingFetch = (url, init) => {
    const message = typeof init?.body === "string" ? JSON.parse(init.body) : {};
    const retry = message.params?.requestState !== undefined;
    if (message.method === "tools/call") routed.push(retry ? "B" : "A");
    return fetch(retry ? nodeBUrl : nodeAUrl, init);
  };
  const client = await connect(newClient(), nodeAUrl, { fetch: routingFetch });
  check(text(await client.callTool({ name: ELICIT, arguments: {} })) === "Hello, Ada!", "auto-fulfilled round");
  check(routed.join() === "A,B", `tools/call POSTs went to ${routed.join()}`);
  await client.close();
}

try {
  const spread = await manyCalls();
  await manualRoundAcrossNodes();
  await autoRoundAcrossNodesWithRoutingFetch();
  console.log(`ts2-client OK mode=${mode} era=modern calls=${calls} nodes=${spread} mrtr=A->B mrtr-auto-shim=A->B`);
  process.exit(0);
} catch (e) {
  console.error(`ts2-client FAILED: ${e?.stack ?? e}`);
  process.exit(1);
}
