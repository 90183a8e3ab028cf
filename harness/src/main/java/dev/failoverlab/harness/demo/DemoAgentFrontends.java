package dev.failoverlab.harness.demo;

/** The agent front end the {@code demo} command uses. */
public final class DemoAgentFrontends {
    private DemoAgentFrontends() {
    }

    /** The real agent (its HTTP server and brain) over the demo's ports. */
    public static DemoAgentFrontend standard() {
        throw new IllegalStateException("agent not wired yet");
    }
}
