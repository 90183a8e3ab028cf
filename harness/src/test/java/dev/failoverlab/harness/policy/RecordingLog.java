package dev.failoverlab.harness.policy;

import java.util.ArrayList;
import java.util.List;

/** Keeps the notes a policy writes. */
final class RecordingLog implements DecisionLog {
    final List<String> notes = new ArrayList<>();

    @Override
    public void note(String detail) {
        notes.add(detail);
    }

    @Override
    public void query(String endpoint, double wallMillis, long llmInputTokens, long llmOutputTokens) {
        throw new AssertionError("baseline policies never query an agent");
    }

    List<String> containing(String part) {
        return notes.stream().filter(n -> n.contains(part)).toList();
    }
}
