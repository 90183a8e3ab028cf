package dev.failoverlab.agent.http;

import dev.failoverlab.agent.api.AgentApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real agent server on an ephemeral loopback port, with a client and the request log lines it wrote. Register it
 * as {@code @RegisterExtension static final TestServer RUNNING = new TestServer(api)}: it starts with the test class
 * and closes after its last test.
 */
final class TestServer implements AutoCloseable, AfterAllCallback {
    final AgentServer server;
    final HttpTestClient client;
    final List<String> log = new CopyOnWriteArrayList<>();

    TestServer(AgentApi api) {
        server = AgentServer.start(api, ServerOptions.defaults().withAddress("127.0.0.1", 0).withRequestLog(log::add));
        client = new HttpTestClient(server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.close();
    }
}
