package io.mcpcluster.it.console;

import io.mcpcluster.it.support.Chromium;
import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.Nginx;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console as an operator uses it: Debian's Chromium (headless, through Selenium and Debian's
 * chromedriver) opens {@code /cluster-console/} through the round-robin balancer of three nodes, signs in with
 * the health token, and must list the three members live; a legacy SSE session opened through the
 * balancer, looked up by its id, must be shown held by the node whose port the balancer sent its
 * stream to, whose card counts the stream (figures that node published to the others); and after a kill -9 of that node the page must show it gone within seconds, whichever
 * node fed the page (if it was the dead one, the page reconnects through the balancer). Screenshots
 * land in {@code target/console/}.
 */
class ConsoleBrowserIT {
    private static final Path OUT = NodeProcess.root().resolve("target/console");
    /** From the kill to the page: failure detection (FD_SOCK2, VERIFY_SUSPECT2 500 ms), a 2 s tick, a render. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);

    @Test
    @Timeout(300)
    void listsTheMembersFindsASessionOnItsStreamsNodeAndShowsAKilledMemberGone() {
        try (LocalCluster cluster = LocalCluster.start("console", 3, 3, Map.of());
             Chromium chromium = Chromium.start(OUT)) {
            WebDriver page = chromium.driver();
            int balancer = cluster.balancer().port();
            page.get("http://127.0.0.1:" + balancer + "/cluster-console/");
            page.findElement(By.id("token")).sendKeys(NodeProcess.HEALTH_TOKEN);
            page.findElement(By.id("open")).click();

            Set<String> names = IntStream.range(0, 3).mapToObj(i -> cluster.node(i).name()).collect(Collectors.toSet());
            waitFor(page, Duration.ofSeconds(30), "the three members up", p -> membersIn(p, "up").equals(names));
            chromium.screenshot(OUT.resolve("console-members.png"));

            try (EventStream stream = RawHttp.open(balancer, "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
                String sessionId = stream.nextFrame(10_000).split("sessionId=")[1].strip();
                NodeProcess holder = byPort(cluster, stream.header(Nginx.UPSTREAM_HEADER));
                WebElement lookup = page.findElement(By.id("lookup-id"));
                lookup.sendKeys(sessionId, Keys.ENTER);
                waitFor(page, Duration.ofSeconds(15), "the session's holder shown", p -> !p.findElements(
                        By.cssSelector("#lookup-result .holder[data-holder]")).isEmpty());
                String shown = page.findElement(By.cssSelector("#lookup-result .holder")).getAttribute("data-holder");
                assertEquals(holder.name(), shown, "the node holding the stream of " + sessionId);
                assertTrue(page.findElement(By.id("lookup-result")).getText().contains(sessionId));
                // The holder's own figures, published by it and relayed by whichever node feeds the page.
                waitFor(page, Duration.ofSeconds(15), holder.name() + "'s card counting the stream", p -> {
                    String streams = p.findElement(By.cssSelector("#members .member[data-node='" + holder.name() + "']"))
                            .getAttribute("data-streams");
                    return streams != null && Integer.parseInt(streams) >= 1;
                });
                ((JavascriptExecutor) page).executeScript("document.getElementById('lookup-result').scrollIntoView()");
                chromium.screenshot(OUT.resolve("console-lookup.png"));

                long killedAt = System.nanoTime();
                holder.kill();
                waitFor(page, GONE_WITHIN, holder.name() + " shown gone", p -> membersIn(p, "left").contains(holder.name()));
                long shownAfter = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
                System.out.printf("console: %s shown gone %d ms after its kill -9%n", holder.name(), shownAfter);
                Set<String> rest = names.stream().filter(n -> !n.equals(holder.name())).collect(Collectors.toSet());
                waitFor(page, Duration.ofSeconds(15), "the two others still up", p -> membersIn(p, "up").equals(rest));
                chromium.screenshot(OUT.resolve("console-member-gone.png"));
            }
        }
    }

    private static Set<String> membersIn(WebDriver page, String state) {
        List<WebElement> cards = page.findElements(By.cssSelector("#members .member[data-state='" + state + "']"));
        return cards.stream().map(c -> c.getAttribute("data-node")).collect(Collectors.toSet());
    }

    private static NodeProcess byPort(LocalCluster cluster, String upstream) {
        int port = Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
        return IntStream.range(0, 3).mapToObj(cluster::node).filter(n -> n.port() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no node on " + upstream));
    }

    private static void waitFor(WebDriver page, Duration deadline, String what,
                                java.util.function.Predicate<WebDriver> condition) {
        new WebDriverWait(page, deadline, Duration.ofMillis(200)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition::test); // the page redraws every tick
    }
}
