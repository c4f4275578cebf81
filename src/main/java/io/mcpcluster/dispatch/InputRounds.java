package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.session.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * MRTR on the stateless path: opens a request's round from its {@code requestState} and
 * {@code inputResponses}, and turns a run that asked for input into an {@code input_required} result
 * (or a -32021 refusal when it needed a capability the client did not declare).
 */
final class InputRounds {
    /** The methods that may answer {@code input_required}. */
    private static final Set<String> ROUND_METHODS = Set.of(McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET,
            McpMethods.RESOURCES_READ);

    private final RequestStates states;

    InputRounds(RequestStates states) {
        this.states = states;
    }

    /** The round of {@code request}, or null for a method that never asks. -32602 for a bad state. */
    InputRound open(JsonRpcMessage request, Session once) {
        if (!ROUND_METHODS.contains(request.method())) {
            return null;
        }
        JsonObject params = request.params() == null ? JsonValue.EMPTY_JSON_OBJECT : request.params();
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        JsonValue state = params.get("requestState");
        if (state != null && state.getValueType() != JsonValue.ValueType.NULL) {
            if (state.getValueType() != JsonValue.ValueType.STRING) {
                throw new McpException(ErrorCodes.INVALID_PARAMS, "Invalid requestState: not a string");
            }
            answers.putAll(states.open(((jakarta.json.JsonString) state).getString(), once.principal(),
                    request.method(), RequestStates.digest(params)));
        }
        JsonValue responses = params.get("inputResponses");
        if (responses != null && responses.getValueType() == JsonValue.ValueType.OBJECT) {
            // A value that is not an object answers nothing: its question is asked again.
            responses.asJsonObject().forEach((k, v) -> {
                if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                    answers.put(k, v.asJsonObject());
                }
            });
        }
        return new InputRound(once, answers);
    }

    /** The params the method sees: without the round's own fields. */
    static JsonObject methodParams(JsonObject params) {
        if (params == null || !(params.containsKey("inputResponses") || params.containsKey("requestState"))) {
            return params;
        }
        return Jsons.createObjectBuilder(params).remove("inputResponses").remove("requestState").build();
    }

    /**
     * What ends a run that asked: a -32021 error or an {@code input_required} result; null when the
     * run asked nothing unanswered and its own outcome stands.
     */
    JsonObject outcome(JsonRpcMessage request, InputRound round) {
        JsonObject missing = round.missingCapabilities();
        if (missing != null) {
            return JsonRpc.error(request.id(), ErrorCodes.MISSING_CLIENT_CAPABILITY,
                    "Missing required client capability: " + String.join(", ", missing.keySet()),
                    Jsons.createObjectBuilder().add("requiredCapabilities", missing).build());
        }
        JsonObject asks = round.inputRequests();
        if (asks == null) {
            return null;
        }
        String token = states.seal(round.principal(), request.method(), RequestStates.digest(request.params()),
                round.answers());
        return JsonRpc.result(request.id(), Jsons.createObjectBuilder().add("resultType", "input_required")
                .add("inputRequests", asks).add("requestState", token).build());
    }
}
