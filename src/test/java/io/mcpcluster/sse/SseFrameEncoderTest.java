package io.mcpcluster.sse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseFrameEncoderTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void encodesIdEventAndDataFollowedByABlankLine() {
        assertEquals("id: s.3\nevent: message\ndata: {\"a\":1}\n\n", text(SseFrameEncoder.encode("s.3", "message", "{\"a\":1}")));
    }

    @Test
    void omitsAbsentIdAndEvent() {
        assertEquals("data: x\n\n", text(SseFrameEncoder.encode(null, null, "x")));
    }

    @Test
    void splitsDataIntoOneDataLinePerLineForEveryLineBreakKind() {
        assertEquals("data: a\ndata: b\ndata: c\ndata: d\n\n", text(SseFrameEncoder.encode(null, null, "a\nb\r\nc\rd")));
    }

    @Test
    void keepsEmptyDataAsOneEmptyDataLine() {
        assertEquals("id: p.0\ndata: \n\n", text(SseFrameEncoder.encode("p.0", null, "")));
    }

    @Test
    void stripsCrLfFromIdAndEventSoNoFieldCanBeInjected() {
        assertEquals("id: abcdata: evil\nevent: messageretry: 1\ndata: x\n\n",
                text(SseFrameEncoder.encode("abc\ndata: evil", "message\r\nretry: 1", "x")));
    }

    @Test
    void writesRetryAndKeepAliveFrames() {
        assertEquals("retry: 1500\n\n", text(SseFrameEncoder.retry(1500)));
        assertEquals(": keep-alive\n\n", text(SseFrameEncoder.keepAlive()));
    }
}
