package io.mcpcluster.it.support;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One tool call as a stock client saw it (a line written by {@code chaos-client.mjs} or
 * {@code chaos_client.py}): its session label, the server's session id, the JSON-RPC id the library
 * sent, when it started and ended (epoch ms), and how it ended.
 */
public record ClientCall(String label, String session, String id, long start, long end, String outcome,
                         String code, String message, String node, boolean recovered) {

    public static ClientCall parse(String line) {
        JsonObject o = McpHttpSession.parse(line);
        return new ClientCall(o.getString("label"), text(o.get("session")), text(o.get("id")),
                o.getJsonNumber("start").longValue(), o.getJsonNumber("end").longValue(), o.getString("outcome"),
                text(o.get("code")), text(o.get("message")), text(o.get("node")), o.getBoolean("recovered", false));
    }

    public boolean ok() {
        return "ok".equals(outcome);
    }

    public boolean wrong() {
        return "wrong".equals(outcome);
    }

    /** Failed in any way but a wrong answer: an error, a timeout, a session that ended or never connected. */
    public boolean failed() {
        return !ok() && !wrong();
    }

    public boolean timedOut() {
        return "timeout".equals(outcome);
    }

    /** nginx answered 502: the POST was in flight to a node that died and was not retried. */
    public boolean badGateway() {
        return message != null && message.contains("502");
    }

    @Override
    public String toString() {
        return label + " id=" + id + " session=" + session + " " + outcome + (code == null ? "" : " " + code)
                + (message == null ? "" : " \"" + oneLine(message) + "\"");
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        return v instanceof JsonNumber n ? n.toString() : v.toString();
    }
}
