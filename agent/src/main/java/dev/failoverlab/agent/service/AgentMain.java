package dev.failoverlab.agent.service;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@code failover-agent}: reads flags and environment, finds the cluster wiring ({@link AgentApiFactory} through
 * {@code ServiceLoader}) and serves the agent until the process is stopped. Every start-up failure is one line
 * on stderr and a non-zero exit code (2: bad flags or environment; 1: nothing to serve or cannot listen).
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        LoggingDefaults.apply();
        try {
            Optional<AgentApiFactory> factory = ServiceLoader.load(AgentApiFactory.class).findFirst();
            AgentService service = launch(args, System.getenv(), factory, System.out);
            if (service != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(service::close, "failover-agent-shutdown"));
            }
        } catch (StartupException e) {
            System.err.println("failover-agent: " + e.getMessage());
            System.exit(e.exitCode());
        }
    }

    /**
     * Starts the agent, or prints the usage and returns null for {@code --help}. Configuration is checked before
     * the cluster wiring, so a typo is reported even where no adapter exists yet.
     */
    static AgentService launch(String[] args, Map<String, String> env, Optional<AgentApiFactory> factory,
                               PrintStream out) throws StartupException {
        if (ServiceConfigLoader.wantsHelp(args)) {
            out.print(ServiceConfigLoader.usage());
            return null;
        }
        ServiceConfig config = ServiceConfigLoader.load(args, env);
        AgentApiFactory wiring = factory.orElseThrow(() -> new StartupException(StartupException.UNAVAILABLE,
                "no cluster adapter in this build: the Kubernetes wiring (an AgentApiFactory) is not available yet, "
                        + "so there is nothing to serve; embed the agent with AgentServer.start(api, options) instead"));
        return AgentService.start(config, wiring);
    }
}
