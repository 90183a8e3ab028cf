package dev.failoverlab.agent.service;

/** Why the agent cannot start, in one line, and the process exit code that goes with it. */
public final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Bad flags or environment. */
    public static final int USAGE = 2;
    /** Nothing to serve or nowhere to serve it. */
    public static final int UNAVAILABLE = 1;

    private final int exitCode;

    public StartupException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
