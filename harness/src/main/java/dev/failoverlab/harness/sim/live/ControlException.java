package dev.failoverlab.harness.sim.live;

/** A request the control API refuses: the HTTP status and a message that starts with the field at fault. */
final class ControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ControlException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ControlException badRequest(String field, String message) {
        return new ControlException(400, field + ": " + message);
    }

    int status() {
        return status;
    }
}
