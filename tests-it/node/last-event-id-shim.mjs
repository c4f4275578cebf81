// The SDK's SSEClientTransport replaces the headers of its EventSource's requests, which drops the
// Last-Event-ID that an EventSource sends when it reconnects: a reconnect then starts a new session.
// This fetch puts it back (it remembers the last id it saw), as a browser's EventSource would send it.
export function eventSourceFetchKeepingLastEventId() {
  let lastId = null;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (lastId) headers.set("last-event-id", lastId);
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
        }
      }
    })().catch(() => {});
    return new Response(theirs, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
