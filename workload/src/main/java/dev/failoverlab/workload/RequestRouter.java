package dev.failoverlab.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.failoverlab.workload.WorkloadMetrics.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Answers every path of the workload (one context, exact paths: the JDK server would otherwise route "/anything"
 * to "/"). Bodies are encoded once; the per-request path of {@code GET /ping} is a switch, a cached counter child,
 * a histogram observation and one write.
 */
final class RequestRouter implements HttpHandler {

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final byte[] PONG = ascii("pong\n");
    private static final byte[] OK = ascii("ok\n");
    private static final byte[] READY = ascii("ready\n");
    private static final byte[] WARMING_UP = ascii("warming up\n");
    private static final byte[] DRAINING = ascii("draining\n");
    private static final byte[] NOT_FOUND = ascii("not found; paths: / /ping /healthz /readyz /metrics\n");
    private static final byte[] ONLY_GET = ascii("method not allowed; use GET\n");
    private static final byte[] RANDOM_ERROR = ascii("random error (RANDOM_ERRORS)\n");

    private final WorkloadMetrics metrics;
    private final CpuDemand demand;
    private final double slowFraction;
    private final long slowDelayMs;
    private final double errorFraction;
    private final byte[] colorBody;
    private final BooleanSupplier warmedUp;
    private final BooleanSupplier draining;
    private final Runnable requestGate;
    private final SplittableRandom outsidePool;

    /**
     * @param requestGate runs at the start of each {@code GET /} before its work: tests hold a request in flight
     *                    with it; production passes a no-op
     */
    RequestRouter(WorkloadConfig config, WorkloadMetrics metrics, BooleanSupplier warmedUp, BooleanSupplier draining,
                  Runnable requestGate) {
        this.metrics = metrics;
        this.demand = new CpuDemand(config.workMs(), config.workCv());
        this.slowFraction = config.slowPercent() / 100;
        this.slowDelayMs = config.slowDelayMs();
        this.errorFraction = config.errorPercent() / 100;
        this.colorBody = (config.color() + "\n").getBytes(StandardCharsets.UTF_8);
        this.warmedUp = warmedUp;
        this.draining = draining;
        this.requestGate = requestGate;
        this.outsidePool = new SplittableRandom(config.seed()).split();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            boolean get = "GET".equals(exchange.getRequestMethod());
            switch (exchange.getRequestURI().getRawPath()) {
                case "/" -> root(exchange, get);
                case "/ping" -> ping(exchange, get);
                case "/healthz" -> plain(exchange, get, 200, OK);
                case "/readyz" -> readiness(exchange, get);
                case "/metrics" -> metrics(exchange, get);
                default -> respond(exchange, 404, NOT_FOUND, TEXT);
            }
        } finally {
            exchange.close();
        }
    }

    private void ping(HttpExchange exchange, boolean get) throws IOException {
        long dispatchedAt = dispatchedAt();
        metrics.started();
        int code = get ? 200 : 405;
        try {
            respond(exchange, code, get ? PONG : ONLY_GET, TEXT);
        } finally {
            metrics.finished(Handler.PING, code, seconds(dispatchedAt));
        }
    }

    private void root(HttpExchange exchange, boolean get) throws IOException {
        long dispatchedAt = dispatchedAt();
        metrics.started();
        if (!get) {
            try {
                respond(exchange, 405, ONLY_GET, TEXT);
            } finally {
                metrics.finished(Handler.ROOT, 405, seconds(dispatchedAt));
            }
            return;
        }
        requestGate.run();
        long cpuNanos;
        boolean slow;
        boolean error;
        Thread thread = Thread.currentThread();
        if (thread instanceof WorkerPool.Worker worker) {
            cpuNanos = demand.drawNanos(worker.random);
            slow = worker.random.nextDouble() < slowFraction;
            error = worker.random.nextDouble() < errorFraction;
        } else {
            synchronized (outsidePool) {
                cpuNanos = demand.drawNanos(outsidePool);
                slow = outsidePool.nextDouble() < slowFraction;
                error = outsidePool.nextDouble() < errorFraction;
            }
        }
        CpuBurner.burn(cpuNanos);
        if (slow) {
            try {
                Thread.sleep(slowDelayMs);
            } catch (InterruptedException e) {
                // the pool is being shut down after a drain timed out: the connection is closed anyway
                Thread.currentThread().interrupt();
                metrics.abandoned();
                return;
            }
        }
        int code = error ? 500 : 200;
        try {
            respond(exchange, code, error ? RANDOM_ERROR : colorBody, TEXT);
        } finally {
            metrics.finished(Handler.ROOT, code, seconds(dispatchedAt));
        }
    }

    private void readiness(HttpExchange exchange, boolean get) throws IOException {
        if (draining.getAsBoolean()) {
            plain(exchange, get, 503, DRAINING);
        } else if (!warmedUp.getAsBoolean()) {
            plain(exchange, get, 503, WARMING_UP);
        } else {
            plain(exchange, get, 200, READY);
        }
    }

    private void metrics(HttpExchange exchange, boolean get) throws IOException {
        if (get) {
            respond(exchange, 200, metrics.scrape(), metrics.contentType());
        } else {
            respond(exchange, 405, ONLY_GET, TEXT);
        }
    }

    private void plain(HttpExchange exchange, boolean get, int code, byte[] body) throws IOException {
        respond(exchange, get ? code : 405, get ? body : ONLY_GET, TEXT);
    }

    private void respond(HttpExchange exchange, int code, byte[] body, String contentType) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        if (code == 405) {
            headers.set("Allow", "GET");
        }
        if (draining.getAsBoolean()) {
            // keep-alive clients must reconnect (to the other colour) instead of keeping this instance busy
            headers.set("Connection", "close");
        }
        exchange.sendResponseHeaders(code, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body);
        out.close();
    }

    private static long dispatchedAt() {
        return Thread.currentThread() instanceof WorkerPool.Worker worker ? worker.dispatchedAtNanos : System.nanoTime();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
