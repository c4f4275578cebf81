"""Stock Python MCP SDK sessions calling the traced_add tool in a loop, as an application runs them:
the SDK's own transports and recovery only. ChaosIT kills or restarts nodes under them.

usage: chaos_client.py URL streamable|sse SESSIONS DURATION_MS CALL_TIMEOUT_MS OUT_FILE READY_FILE
Writes READY_FILE once every session is connected, then, at the end (DURATION_MS, or sooner when the file
OUT_FILE.stop appears), OUT_FILE: one JSON line per call
{label, session, id, start, end, outcome: ok|wrong|error|timeout, code, message, node, recovered}.
"""
import json
import os
import sys
import time
from urllib.parse import parse_qs, urlparse

import anyio
import httpx2
from mcp import Client, MCPError
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamable_http_client

url, kind, sessions, duration_ms, timeout_ms, out_file, ready_file = sys.argv[1:8]
sessions, call_timeout = int(sessions), int(timeout_ms) / 1000
calls = []
connected = 0


def now_ms():
    return int(time.time() * 1000)


class Observed:
    """What one session's HTTP client saw leave: the last tools/call id and the server's session id.
    httpx2's request event hook only reads the request; the SDK's behaviour is unchanged."""

    def __init__(self):
        self.tool_call_id = None
        self.http_status = None
        self.session = None

    def before_call(self):
        # Both stay None when the SDK fails the call without sending it.
        self.tool_call_id = self.http_status = None

    async def on_request(self, request):
        if request.method != "POST":
            return
        self.session = (request.headers.get("mcp-session-id")
                        or parse_qs(urlparse(str(request.url)).query).get("sessionId", [self.session])[0])
        try:
            message = json.loads(request.content)
        except ValueError:
            return
        if isinstance(message, dict) and message.get("method") == "tools/call":
            self.tool_call_id = message.get("id")
            request.extensions["tool_call"] = True

    async def on_response(self, response):
        if response.request.extensions.get("tool_call"):
            self.http_status = response.status_code

    def client(self, headers=None, timeout=None, auth=None):
        return httpx2.AsyncClient(headers=headers, auth=auth,
                                  timeout=timeout or httpx2.Timeout(30, read=300),
                                  event_hooks={"request": [self.on_request], "response": [self.on_response]})


def transport(observed):
    if kind == "sse":
        return sse_client(url, httpx_client_factory=observed.client)
    return streamable_http_client(url, http_client=observed.client())


def outcome_of(error):
    if isinstance(error, TimeoutError) or (isinstance(error, MCPError) and "timed out" in error.message.lower()):
        return "timeout"
    return "error"


async def call_loop(client, n, observed, until):
    global connected
    connected += 1
    if connected == sessions:
        open(ready_file, "w").write("ready\n")
    i = 0
    while now_ms() < until and not os.path.exists(out_file + ".stop"):
        a, b = i, n * 1000
        i += 1
        record = {"label": f"py-{kind}-{n}", "start": now_ms()}
        observed.before_call()
        try:
            # The library's own timeout, and a hard bound in case the library itself hangs.
            with anyio.fail_after(call_timeout + 5):
                r = await client.call_tool("traced_add", {"a": a, "b": b, "delayMs": 100},
                                           read_timeout_seconds=call_timeout)
            answer = json.loads(r.content[0].text) if r.content and not r.is_error else {}
            record.update(node=answer.get("node"),
                          outcome="ok" if answer.get("sum") == a + b else "wrong",
                          message=None if answer else str(r.content)[:200])
        except Exception as e:  # every failure is data here
            # The library may hide the HTTP status (e.g. a 502 becomes -32603): the hook saw it.
            status = f"HTTP {observed.http_status}: " if observed.http_status not in (None, 200, 202) else ""
            record.update(outcome=outcome_of(e), code=getattr(e, "code", None), message=(status + repr(e))[:200])
            await anyio.sleep(0.2)
        record.update(id=observed.tool_call_id, session=observed.session, end=now_ms())
        calls.append(record)


async def session(n, until):
    observed = Observed()
    try:
        async with Client(transport(observed)) as client:
            await call_loop(client, n, observed, until)
    except BaseException as e:  # a transport that dies may raise on exit: recorded, the other sessions go on
        if isinstance(e, anyio.get_cancelled_exc_class()):
            raise
        calls.append({"label": f"py-{kind}-{n}", "session": observed.session, "outcome": "session-ended",
                      "message": repr(e)[:200], "start": now_ms(), "end": now_ms()})


async def main():
    until = now_ms() + int(duration_ms)
    # A session whose transport hangs on close must not hold the run: bounded like every wait.
    with anyio.move_on_after(int(duration_ms) / 1000 + call_timeout + 30):
        async with anyio.create_task_group() as tg:
            for n in range(sessions):
                tg.start_soon(session, n, until)
    for c in calls:
        c["recovered"] = any(o["label"] == c["label"] and o["start"] > c["start"] and o["outcome"] == "ok"
                             for o in calls)
    with open(out_file, "w") as f:
        f.writelines(json.dumps(c) + "\n" for c in calls)


anyio.run(main)
