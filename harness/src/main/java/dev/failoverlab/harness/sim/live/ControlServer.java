package dev.failoverlab.harness.sim.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.failoverlab.harness.sim.LiveSimulation;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's control API on the loopback interface (JDK {@code HttpServer}, JSON bodies): what kubectl and a load
 * generator would do to a real cluster. Routes are listed by {@code GET /control}. Bad input is a 400 whose
 * message names the field; an unknown path a 404 listing the routes; a wrong method a 405 with {@code Allow}.
 */
public final class ControlServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 8081;

    static {
        // the JDK server otherwise waits ~40 ms (Nagle + delayed ACK) on every keep-alive response
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private record Route(String method, Handler handler, String help) {
    }

    @FunctionalInterface
    private interface Handler {
        void handle(ControlExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final PrintStream errors;

    private ControlServer(HttpServer server, ExecutorService executor, ControlHandlers handlers, PrintStream errors) {
        this.server = server;
        this.executor = executor;
        this.errors = errors;
        routes.put("/control/status", new Route("GET", handlers::status, "the snapshot (text: one line)"));
        routes.put("/control/pods", new Route("GET", handlers::pods, "pods per colour (text: kubectl get pods)"));
        routes.put("/control/selector", new Route("GET", handlers::selector, "the Service selector as JSON"));
        routes.put("/control/rollout-status", new Route("GET", handlers::rolloutStatus,
                "?deployment=web-blue[&timeout=10m]: waits like kubectl rollout status (streamed text)"));
        routes.put("/control/events", new Route("GET", handlers::events, "?since=N: faults and actions so far"));
        routes.put("/control/patch", new Route("POST", handlers::patch, ControlBodies.PATCH_EXAMPLE
                + " or kubectl's patch body with ?deployment=web-blue"));
        routes.put("/control/load", new Route("POST", handlers::load, ControlBodies.LOAD_EXAMPLE));
        routes.put("/control/scale", new Route("POST", handlers::scale, ControlBodies.SCALE_EXAMPLE));
        routes.put("/control/kill", new Route("POST", handlers::kill, ControlBodies.KILL_EXAMPLE
                + " (optional count)"));
        routes.put("/control/crashloop", new Route("POST", handlers::crashLoop, ControlBodies.CRASHLOOP_EXAMPLE));
        server.createContext("/", this::dispatch);
    }

    /**
     * Serves the control API of {@code live} on 127.0.0.1:{@code port} (0 picks a free port). Unexpected
     * server-side failures are reported on {@code errors} as well as answered with a 500.
     */
    public static ControlServer start(LiveSimulation live, int port, PrintStream errors) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger threads = new AtomicInteger();
        // rollout-status holds a thread while it waits, so threads are not capped at a handful
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "control-api-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        ControlServer control = new ControlServer(server, executor, new ControlHandlers(live), errors);
        server.start();
        return control;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void dispatch(HttpExchange raw) {
        ControlExchange exchange = new ControlExchange(raw);
        try {
            String path = exchange.path();
            if (path.equals("/control") || path.equals("/control/")) {
                index(exchange);
                return;
            }
            Route route = routes.get(path);
            if (route == null) {
                exchange.error(404, "no route " + path + "; routes: " + String.join(", ", routes.keySet()), null);
            } else if (!route.method().equals(exchange.method())) {
                exchange.error(405, exchange.method() + " " + path + " is not supported; use " + route.method(),
                        route.method());
            } else {
                route.handler().handle(exchange);
            }
        } catch (ControlException e) {
            reply(exchange, e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            reply(exchange, 400, e.getMessage()); // the live model's messages start with the field
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (RuntimeException e) {
            errors.println("control API: " + exchange.method() + " " + exchange.path() + " failed: " + e);
            reply(exchange, 500, "internal error: " + e);
        } finally {
            raw.close();
        }
    }

    private static void reply(ControlExchange exchange, int status, String message) {
        try {
            exchange.error(status, message, null);
        } catch (IOException | IllegalStateException ignored) {
            // headers already sent (a streamed reply) or the client went away
        }
    }

    private void index(ControlExchange exchange) throws IOException {
        Map<String, String> listing = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        routes.forEach((path, r) -> {
            listing.put(r.method() + " " + path, r.help());
            text.append(r.method()).append(' ').append(path).append("  ").append(r.help()).append('\n');
        });
        exchange.reply(200, listing, text.toString());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
