package io.mcpcluster.transport.console;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.transport.HttpReplies;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The console's page and its two files ({@code WEB-INF/console/}), read once: {@code GET /cluster-console/},
 * {@code console.js}, {@code console.css}. They hold no data and no secret, so they are served to anyone;
 * the page asks for the token and sends it with its data requests ({@link ConsoleEventsServlet},
 * {@link ConsoleLookupServlet}). A strict Content-Security-Policy lets the page run only its own script
 * and talk only to its own origin, and no other site may frame it.
 */
public class ConsolePageServlet extends HttpServlet {
    static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/console.js", "console.js", "/console.css", "console.css");
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html", "console.js", "text/javascript", "console.css", "text/css");

    private transient Map<String, byte[]> contents;

    @Override
    public void init() throws ServletException {
        try {
            contents = Map.of("index.html", read("index.html"), "console.js", read("console.js"),
                    "console.css", read("console.css"));
        } catch (IOException e) {
            throw new ServletException("The console's files are missing from WEB-INF/console", e);
        }
    }

    private byte[] read(String name) throws IOException {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/console/" + name)) {
            if (in == null) {
                throw new IOException("no " + name);
            }
            return in.readAllBytes();
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + "/cluster-console/"); // relative file names need the slash
            return;
        }
        String name = FILES.get(path);
        if (name == null) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Not Found");
            return;
        }
        byte[] body = contents.get(name);
        resp.setContentType(TYPES.get(name));
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Security-Policy", SECURITY_POLICY);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
