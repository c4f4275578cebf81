// The official TypeScript SDK client with its own OAuth support, as a machine client runs it
// (client_credentials): its first request is answered 401; the SDK reads resource_metadata from
// WWW-Authenticate, fetches the protected resource metadata, discovers the authorization server from
// it, gets a token for the resource and retries. Nothing about the issuer is given to it but the
// issuer it may send its credentials to.
// usage: node oauth-client.mjs URL CLIENT_ID CLIENT_SECRET EXPECTED_ISSUER [calls=20]
// Prints "oauth-client OK ..." with the tools it was shown and exits 0, or the failure and exits 1.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ClientCredentialsProvider } from "@modelcontextprotocol/sdk/client/auth-extensions.js";

const [url, clientId, clientSecret, expectedIssuer, callsArg] = process.argv.slice(2);
const calls = Number(callsArg ?? 20);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

try {
  const provider = new ClientCredentialsProvider({ clientId, clientSecret, expectedIssuer });
  const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  const client = new Client({ name: "oauth-it", version: "1.0.0" });
  await client.connect(transport);
  check(provider.tokens()?.access_token, "no token after connecting");

  const tools = (await client.listTools()).tools.map((t) => t.name).sort();
  for (let i = 0; i < calls; i++) {
    const words = Array.from({ length: (i % 5) + 1 }, (_, k) => `w${i}_${k}`);
    const r = await client.callTool({ name: "text_stats", arguments: { text: words.join(" ") } });
    check(JSON.parse(r.content[0].text).words === words.length, `call ${i}: ${r.content[0].text}`);
  }
  const touched = await client.callTool({ name: "touch_note", arguments: { topic: "security" } });
  check(!touched.isError, `touch_note: ${JSON.stringify(touched)}`);
  await transport.terminateSession();
  await client.close();
  console.log(`oauth-client OK calls=${calls} session=${transport.sessionId ?? "ended"} tools=${tools.join(",")}`);
  process.exit(0);
} catch (e) {
  console.log(`oauth-client FAILED ${e?.stack ?? e}`);
  process.exit(1);
}
