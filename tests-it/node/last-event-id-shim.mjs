// The SDK's SSEClientTransport replaces the headers of its EventSource's requests, which drops the
// Last-Event-ID that an EventSource sends when it reconnects: a reconnect then starts a new session.
// This fetch puts it back (it remembers the last id it saw), as a browser's EventSource would send it,
// with the session id of the endpoint event (Mcp-Session-Id): the server resumes a legacy session only
// for a client that names it, never for an event id alone.
export function eventSourceFetchKeepingLastEventId() {
  let lastId = null;
  let sessionId = null;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (lastId) headers.set("last-event-id", lastId);
    if (lastId && sessionId) headers.set("mcp-session-id", sessionId);
    const res = await fetch(input, { ...init, headers });
    if (!res.body) return res;
    const [mine, theirs] = res.body.tee();
    (async () => {
      const reader = mine.pipeThrough(new TextDecoderStream()).getReader();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let i;
        while ((i = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, i).replace(/\r$/, "");
          buf = buf.slice(i + 1);
          if (line.startsWith("id:")) lastId = line.slice(3).trim();
          const named = line.startsWith("data:") && line.match(/[?&]sessionId=([^&\s]+)/);
          if (named) sessionId = decodeURIComponent(named[1]);
        }
      }
    })().catch(() => {});
    return new Response(theirs, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
