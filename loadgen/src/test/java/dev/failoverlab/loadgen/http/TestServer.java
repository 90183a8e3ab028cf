package dev.failoverlab.loadgen.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback JDK HttpServer for tests. Nagle is off (as a real server would have it); the property must be set
 * before the HttpServer implementation first loads, hence the static block, and every test uses this class.
 */
public final class TestServer implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Decides each answer; {@code n} counts requests from 1. Return the status; the body is "ok". */
    @FunctionalInterface
    public interface Behaviour {
        int status(long n) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    private TestServer(int threads, Behaviour behaviour) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(threads);
        byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            try (HttpExchange ex = exchange) {
                ex.getRequestBody().readAllBytes();
                int status = behaviour.status(requests.incrementAndGet());
                ex.sendResponseHeaders(status, body.length);
                ex.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** {@code threads} handler threads; 1 makes one stalled request stall the whole server. */
    public static TestServer start(int threads, Behaviour behaviour) {
        return new TestServer(threads, behaviour);
    }

    public static TestServer ok() {
        return start(4, n -> 200);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
