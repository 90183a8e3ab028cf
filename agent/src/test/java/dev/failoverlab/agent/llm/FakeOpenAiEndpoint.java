package dev.failoverlab.agent.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A chat-completions endpoint on loopback: answers with canned text, a 500, or not at all (until closed), and
 * remembers each request's body and Authorization header.
 */
final class FakeOpenAiEndpoint implements AutoCloseable {
    enum Mode { ANSWER, FAIL, HANG }

    record Seen(String authorization, String body) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Mode mode = Mode.ANSWER;
    private volatile String content = "";

    FakeOpenAiEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void answer(String text) {
        mode = Mode.ANSWER;
        content = text;
    }

    void fail() {
        mode = Mode.FAIL;
    }

    void hang() {
        mode = Mode.HANG;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestHeaders().getFirst("Authorization"), body));
        switch (mode) {
            case FAIL -> respond(exchange, 500, "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
            case HANG -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> respond(exchange, 200, completion(content));
        }
    }

    private static String completion(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"created\":1764842400,\"model\":\"test-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped + "\"},"
                + "\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":321,\"completion_tokens\":42,\"total_tokens\":363}}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
