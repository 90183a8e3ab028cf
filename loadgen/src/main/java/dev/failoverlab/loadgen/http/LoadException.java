package dev.failoverlab.loadgen.http;

/** The target cannot be used (bad URL, unknown or unreachable host) or the run failed: a one-line message. */
public final class LoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
