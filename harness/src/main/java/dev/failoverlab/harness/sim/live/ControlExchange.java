package dev.failoverlab.harness.sim.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One control-API request: its query, its JSON body, and the reply. Replies are JSON, or plain text when the
 * client asks for {@code text/plain} (the demo's shell scripts do, so they print server lines as they are).
 */
final class ControlExchange {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpExchange exchange;
    private final Map<String, String> query = new LinkedHashMap<>();

    ControlExchange(HttpExchange exchange) {
        this.exchange = exchange;
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    /** A query parameter, or null. */
    String param(String name) {
        return query.get(name);
    }

    boolean wantsText() {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains("text/plain") && !accept.contains("application/json");
    }

    /** The body as a JSON object; a clear 400 when it is missing, too large, not JSON, or not an object. */
    ObjectNode jsonBody(String example) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ControlException(413, "body: larger than 1 MiB");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ControlException.badRequest("body", "empty; send a JSON object like " + example);
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ControlException.badRequest("body", "not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); send e.g. "
                    + example);
        }
        if (!(node instanceof ObjectNode object)) {
            throw ControlException.badRequest("body", "must be a JSON object like " + example + ", got "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return object;
    }

    /** Replies {@code body} as JSON, or {@code textLine} as text when the client asked for text. */
    void reply(int status, Object body, String textLine) throws IOException {
        if (wantsText()) {
            send(status, "text/plain; charset=utf-8", (textLine.endsWith("\n") ? textLine : textLine + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            send(status, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        }
    }

    void error(int status, String message, String allow) throws IOException {
        if (allow != null) {
            exchange.getResponseHeaders().set("Allow", allow);
        }
        Map<String, String> body = Map.of("error", message);
        reply(status, body, "error: " + message);
    }

    /** Starts a chunked text reply; lines written to the stream reach the client as they are flushed. */
    OutputStream streamText() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private void send(int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
