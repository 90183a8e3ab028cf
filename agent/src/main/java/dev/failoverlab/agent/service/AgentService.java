package dev.failoverlab.agent.service;

import dev.failoverlab.agent.api.AgentApi;
import dev.failoverlab.agent.guard.AuditLog;
import dev.failoverlab.agent.http.AgentJson;
import dev.failoverlab.agent.http.AgentServer;
import dev.failoverlab.agent.http.ServerOptions;
import dev.failoverlab.agent.llm.LlmSettings;
import dev.failoverlab.agent.llm.NarratingAgentApi;
import dev.failoverlab.agent.llm.OpenAiNarrator;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running agent: audit log, optional narrator and HTTP server, closed together. */
public final class AgentService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);

    private final AgentServer server;
    private final OpenAiNarrator narrator;
    private final AuditLog audit;

    private AgentService(AgentServer server, OpenAiNarrator narrator, AuditLog audit) {
        this.server = server;
        this.narrator = narrator;
        this.audit = audit;
    }

    /** Opens the audit log, builds the agent through {@code factory}, adds the narrator, and starts serving. */
    public static AgentService start(ServiceConfig config, AgentApiFactory factory) throws StartupException {
        AuditLog audit;
        try {
            audit = config.auditLog() == null ? AuditLog.toLogger() : AuditLog.toFile(config.auditLog());
        } catch (IOException e) {
            throw new StartupException(StartupException.UNAVAILABLE, "cannot open the audit log "
                    + config.auditLog() + " for appending (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        OpenAiNarrator narrator = null;
        try {
            // wall time: on a real cluster the agent's clock is the wall clock
            AgentApi api = factory.create(new ServiceContext(config.agentConfig(), Instant::now, audit));
            if (config.llm().isPresent()) {
                narrator = new OpenAiNarrator(config.llm().get(), AgentJson.mapper());
                api = new NarratingAgentApi(api, narrator);
            }
            ServerOptions options = ServerOptions.defaults().withAddress(config.host(), config.port())
                    .withSources(sources(config, factory));
            AgentServer server = AgentServer.start(api, options);
            LOG.info("failover-agent ready port={} cluster={} llm={} dry_run={} allowed_namespaces={}",
                    server.port(), factory.name(), config.llm().map(LlmSettings::model).orElse("off"),
                    config.dryRun(), config.allowedNamespaces());
            return new AgentService(server, narrator, audit);
        } catch (RuntimeException e) {
            closeQuietly(narrator, audit);
            throw new StartupException(StartupException.UNAVAILABLE, "cannot start on " + config.host() + ":"
                    + config.port() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** What {@code /health} reports: descriptions only; the key and URL credentials never appear. */
    static Map<String, String> sources(ServiceConfig config, AgentApiFactory factory) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("cluster", factory.name());
        s.putAll(factory.sources());
        s.put("llm", config.llm().map(l -> l.model() + " at " + l.displayUrl()).orElse("off (deterministic only)"));
        s.put("actions", config.dryRun() ? "dry-run" : "live, guarded");
        s.put("audit_log", config.auditLog() == null ? "log" : config.auditLog().toString());
        s.put("learning_store", config.learningStore() == null ? "memory" : config.learningStore().toString());
        return s;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        closeQuietly(narrator, audit);
    }

    private static void closeQuietly(OpenAiNarrator narrator, AuditLog audit) {
        if (narrator != null) {
            narrator.close();
        }
        try {
            audit.close();
        } catch (IOException e) {
            LOG.warn("audit log did not close cleanly: {}", e.getMessage());
        }
    }
}
