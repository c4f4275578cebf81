package io.mcpcluster.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Drains a node before it is told to stop: {@code POST /health/drain} with the health token of the
 * environment ({@code MCP_HEALTH_TOKEN}), waiting for the answer, which comes when the drain is done.
 * The {@code preStop} hook of the Kubernetes manifests:
 * {@code java -cp mcp-cluster-launcher.jar io.mcpcluster.launcher.DrainCommand [http://127.0.0.1:8080]}.
 * Exits 0 when the node answered it is drained, 1 otherwise (the stop goes on either way).
 */
public final class DrainCommand {
    private DrainCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String token = System.getenv().getOrDefault("MCP_HEALTH_TOKEN", "");
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/health/drain"))
                .header("X-Health-Token", token).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(post, HttpResponse.BodyHandlers.ofString());
            System.out.println("mcp-cluster drain: " + r.statusCode() + " " + r.body());
            System.exit(r.statusCode() == 200 ? 0 : 1);
        } catch (IOException e) {
            System.out.println("mcp-cluster drain: no answer from " + base + ": " + e);
            System.exit(1);
        }
    }
}
