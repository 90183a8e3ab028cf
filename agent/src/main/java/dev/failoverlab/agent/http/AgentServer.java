package dev.failoverlab.agent.http;

import dev.failoverlab.agent.api.AgentApi;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running HTTP face of one {@link AgentApi}; close it to stop listening. */
public final class AgentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);

    private final Javalin app;

    private AgentServer(Javalin app) {
        this.app = app;
    }

    /** Binds {@code options.host():options.port()} and serves {@code api} until {@link #close()}. */
    public static AgentServer start(AgentApi api, ServerOptions options) {
        var mapper = AgentJson.mapper();
        AgentRoutes routes = new AgentRoutes(api, mapper, options);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            routes.register(config);
        });
        app.start(options.host(), options.port());
        AgentServer server = new AgentServer(app);
        LOG.info("failover-agent listening on {}:{} routes=\"{}\" sources={}", options.host(), server.port(),
                AgentRoutes.routeList(), options.sources());
        return server;
    }

    /** The bound port (the chosen one when started with port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
