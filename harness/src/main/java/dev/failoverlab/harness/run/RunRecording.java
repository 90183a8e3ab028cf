package dev.failoverlab.harness.run;

import java.util.List;

/**
 * Everything one run produced, before any scoring: the raw data every report is rendered from.
 *
 * @param colors          colours in the order of the scenario's deployments
 * @param intervalSeconds sampling interval of {@code samples}
 */
public record RunRecording(
        RunKey key,
        String backend,
        List<String> colors,
        double intervalSeconds,
        List<Sample> samples,
        List<RunEvent> events,
        List<QueryTiming> queries,
        RunStats stats) {

    public RunRecording {
        colors = List.copyOf(colors);
        samples = List.copyOf(samples);
        events = List.copyOf(events);
        queries = List.copyOf(queries);
    }
}
