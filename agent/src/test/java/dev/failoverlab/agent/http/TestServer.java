package dev.failoverlab.agent.http;

import dev.failoverlab.agent.api.AgentApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real agent server on an ephemeral loopback port, with a client and the request log lines it wrote. */
final class TestServer implements AutoCloseable {
    final AgentServer server;
    final HttpTestClient client;
    final List<String> log = new CopyOnWriteArrayList<>();

    TestServer(AgentApi api) {
        server = AgentServer.start(api, ServerOptions.defaults().withAddress("127.0.0.1", 0).withRequestLog(log::add));
        client = new HttpTestClient(server.port());
    }

    @Override
    public void close() {
        server.close();
    }
}
