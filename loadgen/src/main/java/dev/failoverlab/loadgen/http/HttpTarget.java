package dev.failoverlab.loadgen.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A checked target: plain-http URL, resolved address, and the GET request pre-encoded once so sending costs
 * no allocation.
 */
final class HttpTarget {
    private final URI uri;
    private final InetSocketAddress address;
    private final ByteBuffer request;

    private HttpTarget(URI uri, InetSocketAddress address, ByteBuffer request) {
        this.uri = uri;
        this.address = address;
        this.request = request;
    }

    /** Validates the URL and resolves its host; throws {@link LoadException} naming what is wrong. */
    static HttpTarget of(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getScheme() == null) {
            throw new LoadException("not an absolute URL: '" + uri + "' (expected e.g. http://127.0.0.1:8080/)");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new LoadException("unsupported scheme '" + uri.getScheme() + "' in " + uri
                    + ": only plain http is supported (e.g. http://127.0.0.1:8080/)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new LoadException("no host in URL '" + uri + "' (expected e.g. http://127.0.0.1:8080/)");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new LoadException("unknown host '" + host + "' in " + uri + " (check the spelling or DNS)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String hostHeader = uri.getPort() < 0 ? host : host + ":" + port;
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            hostHeader = "[" + host + "]" + (uri.getPort() < 0 ? "" : ":" + port);
        }
        String text = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: failoverlab-loadgen\r\nAccept: */*\r\n\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer request = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return new HttpTarget(uri, new InetSocketAddress(resolved, port), request.asReadOnlyBuffer());
    }

    /** One blocking connect before the run, so an unreachable target fails at once with a clear message. */
    void checkReachable(Duration timeout) {
        int millis = (int) Math.max(1, Math.min(timeout.toMillis(), 5_000));
        try (Socket socket = new Socket()) {
            socket.connect(address, millis);
        } catch (IOException e) {
            throw new LoadException("cannot connect to " + address.getHostString() + ":" + address.getPort()
                    + " (" + e.getMessage() + ") for " + uri + ": is the server running and the URL right?");
        }
    }

    URI uri() {
        return uri;
    }

    InetSocketAddress address() {
        return address;
    }

    /** A private view of the request bytes (position and limit of its own, content shared). */
    ByteBuffer newRequestView() {
        return request.duplicate();
    }
}
