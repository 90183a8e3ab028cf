package dev.failoverlab.harness.score;

/** How many of a policy's runs passed one {@code expect} line, shown as {@code passed/of}. */
public record ExpectationTally(String description, int passed, int of) {

    public String fraction() {
        return passed + "/" + of;
    }
}
