package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.run.QueryTiming;
import dev.failoverlab.harness.run.RunEvent;
import java.util.ArrayList;
import java.util.List;

/** The run's events (faults, actions, refusals, notes) and agent query timings, in time order. */
final class EventLog {
    static final String SCENARIO = "scenario";

    private final SimClock clock;
    final List<RunEvent> events = new ArrayList<>();
    final List<QueryTiming> queries = new ArrayList<>();

    EventLog(SimClock clock) {
        this.clock = clock;
    }

    void add(RunEvent.Kind kind, String source, String target, String value, String detail) {
        events.add(new RunEvent(clock.now, kind, source, target == null ? "" : target, value == null ? "" : value,
                detail == null ? "" : detail));
    }

    void query(String endpoint, double wallMillis, long inputTokens, long outputTokens) {
        queries.add(new QueryTiming(clock.now, endpoint, wallMillis, inputTokens, outputTokens));
    }
}
