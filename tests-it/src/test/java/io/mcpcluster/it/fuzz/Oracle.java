package io.mcpcluster.it.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes an answer a failure: a 5xx, a hang (no complete answer before the deadline), a stack
 * frame, or a Java class or package name in the head or body. The fuzzer's own values never contain
 * these names (see {@link HostileValues}), so an echoed input is not mistaken for a leak.
 */
final class Oracle {
    /** One reason an answer fails, with the text that showed it. */
    record Finding(String kind, String evidence) {
    }

    private static final Pattern STACK_FRAME = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\([\\w$]*\\.java:\\d+\\))|(\\bat (io|java|jakarta|org|sun|jdk)\\.)|Caused by: ");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\b(java|javax|jakarta|jdk|sun|org\\.eclipse|org\\.infinispan"
                    + "|org\\.jgroups|org\\.jboss|org\\.wildfly|io\\.undertow|io\\.mcpcluster)\\.[a-zA-Z]");

    private Oracle() {
    }

    static List<Finding> judge(FuzzHttp.Answer answer) {
        List<Finding> findings = new ArrayList<>();
        if (answer.hang()) {
            findings.add(new Finding("hang", answer.head() == null ? "no head" : firstLine(answer.head())));
        }
        if (answer.status() >= 500) {
            findings.add(new Finding("5xx", firstLine(answer.head())));
        }
        findings.addAll(leaks((answer.head() == null ? "" : answer.head()) + answer.body()));
        return findings;
    }

    /** Stack frames and class names in any text the node sent (an answer, or a frame of an event stream). */
    static List<Finding> leaks(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher frame = STACK_FRAME.matcher(text);
        if (frame.find()) {
            findings.add(new Finding("stack-trace", around(text, frame.start())));
        }
        Matcher name = CLASS_NAME.matcher(text);
        if (name.find()) {
            findings.add(new Finding("class-name", around(text, name.start())));
        }
        return findings;
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - 60);
        return text.substring(from, Math.min(text.length(), at + 100)).replaceAll("\\s+", " ");
    }

    private static String firstLine(String head) {
        int end = head.indexOf('\r');
        return end < 0 ? head.trim() : head.substring(0, end);
    }
}
