package dev.failoverlab.agent.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the HTTP server runs.
 *
 * @param host         interface to bind ({@code 0.0.0.0} in a pod, {@code 127.0.0.1} in tests)
 * @param port         TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes largest accepted request body (413 above)
 * @param sources      what {@code GET /health} reports as configured, e.g. {@code cluster → kubernetes},
 *                     {@code llm → gpt-4o-mini}; descriptions only, never credentials
 * @param requestLog   where the one-line-per-request log goes (SLF4J by default)
 */
public record ServerOptions(String host, int port, long maxBodyBytes, Map<String, String> sources,
                            Consumer<String> requestLog) {
    public static final int DEFAULT_PORT = 8080;
    public static final long ONE_MIB = 1024L * 1024;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = any free port), got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        Objects.requireNonNull(requestLog, "requestLog");
    }

    /** Port 8080 on all interfaces, 1 MiB bodies, nothing reported, log lines to SLF4J. */
    public static ServerOptions defaults() {
        Logger log = LoggerFactory.getLogger("dev.failoverlab.agent.requests");
        return new ServerOptions("0.0.0.0", DEFAULT_PORT, ONE_MIB, Map.of(), log::info);
    }

    public ServerOptions withAddress(String newHost, int newPort) {
        return new ServerOptions(newHost, newPort, maxBodyBytes, sources, requestLog);
    }

    public ServerOptions withSources(Map<String, String> newSources) {
        return new ServerOptions(host, port, maxBodyBytes, newSources, requestLog);
    }

    public ServerOptions withRequestLog(Consumer<String> newLog) {
        return new ServerOptions(host, port, maxBodyBytes, sources, newLog);
    }
}
