package dev.failoverlab.agent.port;

/** Whether an action was applied; {@code detail} says what happened or why it was refused. */
public record ActionResult(boolean applied, String detail) {

    public static ActionResult applied(String detail) {
        return new ActionResult(true, detail);
    }

    public static ActionResult refused(String detail) {
        return new ActionResult(false, detail);
    }
}
