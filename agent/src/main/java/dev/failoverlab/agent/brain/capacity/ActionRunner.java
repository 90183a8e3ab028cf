package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.port.ActionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the endpoint's actions through the (guarded) actuator when the caller asked to execute, and keeps the list
 * the response shows. The actuator's reply is quoted as it is; the numbers in it are recorded in the evidence with
 * the actuator as their source, because the agent did not compute them. A failing actuator is reported, not thrown.
 */
final class ActionRunner {
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9.])\\d+(?:\\.\\d+)?");
    static final String NOT_EXECUTED = "not executed: the request did not set \"execute\": true";

    private final BrainContext ctx;
    private final Evidence evidence;
    private final boolean execute;
    private final List<ActionRecord> actions = new ArrayList<>();

    ActionRunner(BrainContext ctx, Evidence evidence, boolean execute) {
        this.ctx = ctx;
        this.evidence = evidence;
        this.execute = execute;
    }

    boolean executing() {
        return execute;
    }

    /** Scales {@code deployment} to {@code replicas}; the result says whether it was applied. */
    ActionResult scale(String deployment, int replicas, String reason) {
        if (!execute) {
            actions.add(new ActionRecord(ActionRecord.SCALE, deployment, replicas, false, NOT_EXECUTED));
            return ActionResult.refused(NOT_EXECUTED);
        }
        ActionResult r = call(() -> ctx.actuator().scale(deployment, replicas, reason));
        record(deployment, r.detail());
        actions.add(new ActionRecord(ActionRecord.SCALE, deployment, replicas, r.applied(), r.detail()));
        return r;
    }

    /**
     * Splits traffic by {@code percent}; {@code awayFrom} is the colour losing share (recorded for the failover
     * cool-down), or null.
     */
    ActionResult split(Map<String, Integer> percent, String awayFrom, String reason) {
        if (!execute) {
            actions.add(new ActionRecord(ActionRecord.SPLIT, "service", percent, false, NOT_EXECUTED));
            return ActionResult.refused(NOT_EXECUTED);
        }
        ActionResult r = call(() -> ctx.actuator().setTrafficSplit(percent, reason));
        record("service", r.detail());
        actions.add(new ActionRecord(ActionRecord.SPLIT, "service", percent, r.applied(), r.detail()));
        if (r.applied() && awayFrom != null) {
            ctx.state().trafficMoved(ctx.clock().now(), awayFrom);
        }
        return r;
    }

    List<ActionRecord> actions() {
        return List.copyOf(actions);
    }

    private static ActionResult call(Supplier<ActionResult> action) {
        try {
            ActionResult r = action.get();
            return r == null ? ActionResult.refused("actuator gave no answer") : r;
        } catch (RuntimeException e) {
            return ActionResult.refused("actuator failed: " + e.getMessage());
        }
    }

    private void record(String target, String detail) {
        if (detail == null) {
            return;
        }
        Matcher m = NUMBER.matcher(detail);
        while (m.find()) {
            evidence.measure("actuator_reply_number", target, "instant", Double.parseDouble(m.group()),
                    "as stated in the reply", "actuator");
        }
    }

    /** Whether a refusal only says the cluster already is as asked (treated as done, not as a failure). */
    static boolean unchanged(ActionResult r) {
        return !r.applied() && r.detail() != null && r.detail().startsWith("unchanged");
    }
}
