package dev.failoverlab.harness.score;

/** One {@code expect} line checked against one run, with a one-line reason built from the numbers. */
public record ExpectationResult(String description, boolean passed, String reason) {
}
