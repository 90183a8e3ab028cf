package dev.failoverlab.agent.port;

/** A metrics or API source did not answer; callers degrade their answer instead of failing. */
public final class ClusterUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterUnavailableException(String source, String message) {
        super(source + ": " + message);
    }
}
