// Many TypeScript SDK sessions calling a tool in a loop while a node is killed under them.
// usage: node failover.mjs URL streamable|sse SESSIONS DURATION_MS [READY_FILE]
// Writes READY_FILE once every session is connected, then prints one JSON line:
// {"sessions":…, "ok":…, "failed":…, "wrong":0, "errors":{…}, "survived":…}
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

import { writeFileSync } from "node:fs";
import { eventSourceFetchKeepingLastEventId } from "./last-event-id-shim.mjs";

const [url, kind, sessionsArg, durationArg, readyFile] = process.argv.slice(2);
let connected = 0;

const sessions = Number(sessionsArg);
const until = Date.now() + Number(durationArg);
const totals = { sessions, ok: 0, failed: 0, wrong: 0, survived: 0, errors: {} };

async function session(n) {
  const client = new Client({ name: `failover-${n}`, version: "1.0.0" });
  const transport = kind === "sse"
    ? new SSEClientTransport(new URL(url), { eventSourceInit: { fetch: eventSourceFetchKeepingLastEventId() } })
    : new StreamableHTTPClientTransport(new URL(url), {
    reconnectionOptions: { initialReconnectionDelay: 100, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1.5, maxRetries: 20 },
  });
  transport.onerror = () => {};
  await client.connect(transport);
  if (++connected === sessions && readyFile) writeFileSync(readyFile, "ready\n");
  let i = 0;
  const call = async (timeout) => {
    const words = (i++ % 5) + 1;
    const r = await client.callTool({ name: "text_stats", arguments: { text: "w ".repeat(words).trim() } }, undefined, { timeout });
    if (JSON.parse(r.content[0].text).words !== words) totals.wrong++;
  };
  while (Date.now() < until) {
    try {
      await call(15000);
      totals.ok++;
    } catch (e) {
      totals.failed++;
      const key = String(e?.message ?? e).slice(0, 80);
      totals.errors[key] = (totals.errors[key] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await call(15000);
    totals.survived++;
  } catch (e) {
    const key = "final: " + String(e?.message ?? e).slice(0, 80);
    totals.errors[key] = (totals.errors[key] ?? 0) + 1;
  }
  await client.close().catch(() => {});
}

await Promise.all(Array.from({ length: sessions }, (_, n) => session(n).catch((e) => {
  const key = "connect: " + String(e?.message ?? e).slice(0, 80);
  totals.errors[key] = (totals.errors[key] ?? 0) + 1;
})));
console.log(JSON.stringify(totals));
process.exit(0);
