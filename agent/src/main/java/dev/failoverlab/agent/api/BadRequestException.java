package dev.failoverlab.agent.api;

/** A request the agent cannot answer as asked: names the field and says how to fix it (HTTP 400). */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
