package dev.failoverlab.agent.http;

/**
 * A request the HTTP layer refuses before (or instead of) asking the agent: the status, the field it concerns
 * ({@code ""} for the whole body, null when it is not about the body at all) and a message saying how to fix it.
 */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    public HttpProblem(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
