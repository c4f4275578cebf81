// Stock TypeScript SDK sessions calling the traced_add tool in a loop, as an application runs them: the
// SDK's own transports and recovery only. ChaosIT kills or restarts nodes under them.
// usage: node chaos-client.mjs URL streamable|sse SESSIONS DURATION_MS CALL_TIMEOUT_MS OUT_FILE READY_FILE [--last-event-id-shim]
// Writes READY_FILE once every session is connected, then, at the end (DURATION_MS, or sooner when the file
// OUT_FILE.stop appears), OUT_FILE: one JSON line per call
// {label, session, id, start, end, outcome: ok|wrong|error|timeout, code, message, node, recovered}.
// --last-event-id-shim: the legacy EventSource gets the fetch of failover.mjs that puts Last-Event-ID back
// (what a browser's EventSource sends); the one labelled extra case, not a stock client.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { existsSync, writeFileSync } from "node:fs";
import { eventSourceFetchKeepingLastEventId } from "./last-event-id-shim.mjs";

const [url, kind, sessionsArg, durationArg, timeoutArg, outFile, readyFile, shimFlag] = process.argv.slice(2);
const sessions = Number(sessionsArg);
const callTimeout = Number(timeoutArg);
const shim = shimFlag === "--last-event-id-shim";
const label = (n) => `ts-${kind}${shim ? "-shim" : ""}-${n}`;
const calls = [];
let connected = 0;

function transportFor() {
  if (kind === "streamable") return new StreamableHTTPClientTransport(new URL(url));
  return shim
    ? new SSEClientTransport(new URL(url), { eventSourceInit: { fetch: eventSourceFetchKeepingLastEventId() } })
    : new SSEClientTransport(new URL(url));
}

function outcomeOf(error) {
  if (error?.code === ErrorCode.RequestTimeout) return "timeout";
  return "error";
}

async function session(n, until) {
  const client = new Client({ name: label(n), version: "1.0.0" });
  const transport = transportFor();
  // Observes the JSON-RPC id the SDK puts on each request (the transport's public send), changes nothing.
  let lastToolCallId = null;
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    if (message.method === "tools/call") lastToolCallId = message.id;
    return send(message, options);
  };
  await client.connect(transport);
  if (++connected === sessions) writeFileSync(readyFile, "ready\n");
  let serverSession = transport.sessionId ?? null;
  for (let i = 0; Date.now() < until && !existsSync(`${outFile}.stop`); i++) {
    const a = i;
    const b = n * 1000;
    const record = { label: label(n), session: serverSession, id: null, start: Date.now() };
    lastToolCallId = null; // stays null when the SDK fails the call without sending it
    try {
      const r = await client.callTool({ name: "traced_add", arguments: { a, b, delayMs: 100 } }, undefined,
        { timeout: callTimeout });
      const answer = JSON.parse(r.content?.[0]?.text ?? "{}");
      serverSession = answer.session ?? serverSession;
      Object.assign(record, { session: serverSession, node: answer.node,
        outcome: !r.isError && answer.sum === a + b ? "ok" : "wrong", message: r.isError ? r.content?.[0]?.text : undefined });
    } catch (e) {
      Object.assign(record, { outcome: outcomeOf(e), code: e?.code, message: String(e?.message ?? e).slice(0, 200) });
      await new Promise((r) => setTimeout(r, 200));
    }
    record.id = lastToolCallId;
    record.end = Date.now();
    calls.push(record);
  }
  await client.close().catch(() => {});
}

const until = Date.now() + Number(durationArg);
await Promise.all(Array.from({ length: sessions }, (_, n) => session(n, until).catch((e) => {
  calls.push({ label: label(n), outcome: "connect-failed", message: String(e?.message ?? e).slice(0, 200),
    start: Date.now(), end: Date.now() });
})));
// A failed call "recovered" when its session answered correctly afterwards.
for (const c of calls) {
  c.recovered = calls.some((o) => o.label === c.label && o.start > c.start && o.outcome === "ok");
}
writeFileSync(outFile, calls.map((c) => JSON.stringify(c)).join("\n") + "\n");
process.exit(0);
