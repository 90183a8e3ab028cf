package dev.failoverlab.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.evidence.Evidence;
import org.junit.jupiter.api.Test;

/** What counts as a stated number, and when the evidence holds it. */
final class NumberGuardTest {

    private static Evidence evidence() {
        Evidence e = new Evidence();
        e.measure("p95_latency_ms", "blue", "5m", 180.4, "ms", "prometheus");
        e.measure("error_rate", "blue", "5m", 0.048, "ratio", "prometheus");
        e.measure("ready_replicas", "green", "instant", 3, "pods", "api-server");
        e.measure("request_rate_rps", "service", "5m", 1234, "rps", "prometheus");
        e.model("traffic_split").parameter("step", -0.3).output("green_share", 0.3)
                .note("fit on 12 scrapes").add();
        return e;
    }

    @Test
    void numbersInTextAreReadWithTheirPrecisionAndPercentMarks() {
        assertThat(NumberGuard.numbersIn("p95 is 180ms, errors 4.8%, 1,234 rps, .5 chance, m12 and model3 cited"))
                .extracting(NumberGuard.Stated::shown, NumberGuard.Stated::value, NumberGuard.Stated::decimals,
                        NumberGuard.Stated::percent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("180", 180.0, 0, false),
                        org.assertj.core.groups.Tuple.tuple("4.8%", 4.8, 1, true),
                        org.assertj.core.groups.Tuple.tuple("1,234", 1234.0, 0, false),
                        org.assertj.core.groups.Tuple.tuple(".5", 0.5, 1, false));
        assertThat(NumberGuard.numbersIn("three pods, twice the load, 30 percent"))
                .extracting(NumberGuard.Stated::value).containsExactlyInAnyOrder(30.0, 3.0, 2.0);
    }

    @Test
    void evidenceNumbersMatchAtTheShownPrecisionAndFractionsAsPercentages() {
        assertThat(NumberGuard.check("Blue's p95 is 180 ms and its error rate 4.8%, so shift 30% to green.",
                evidence()).accepted()).isTrue();
        assertThat(NumberGuard.check("Blue's p95 latency of 180.4 ms over 5 minutes, 3 pods ready, fit on 12 scrapes.",
                evidence()).accepted()).isTrue();
        assertThat(NumberGuard.check("Traffic is 1,234 rps and three green pods are ready.", evidence()).accepted())
                .isTrue();
    }

    @Test
    void inventedNumbersAreRejectedAndNamed() {
        NumberGuard.Verdict v = NumberGuard.check("Blue is 45% slower and 1,200 sessions suffer.", evidence());
        assertThat(v.accepted()).isFalse();
        assertThat(v.unsupported()).containsExactly("45%", "1,200");
        assertThat(v.reason()).isEqualTo("numbers not in the evidence: [45%, 1,200]");
    }

    @Test
    void roundingBeyondTheShownPrecisionIsInventing() {
        assertThat(NumberGuard.check("p95 is 181 ms", evidence()).unsupported()).containsExactly("181");
        assertThat(NumberGuard.check("error rate 5%", evidence()).accepted()).as("4.8% shown as 5%").isTrue();
        assertThat(NumberGuard.check("error rate 6%", evidence()).unsupported()).containsExactly("6%");
        assertThat(NumberGuard.check("error rate 0.05", evidence()).accepted()).as("0.048 shown as 0.05").isTrue();
        assertThat(NumberGuard.check("error rate 0.050", evidence()).unsupported()).containsExactly("0.050");
    }

    @Test
    void numbersWrittenInEvidenceTextBackPlainNumbersButNotPercentages() {
        assertThat(NumberGuard.check("The model was fit on 12 scrapes.", evidence()).accepted()).isTrue();
        assertThat(NumberGuard.check("Errors rose 12%.", evidence()).unsupported()).containsExactly("12%");
    }

    @Test
    void smallCountsNeedEvidenceToo() {
        assertThat(NumberGuard.check("Add 2 pods to green.", evidence()).unsupported()).containsExactly("2");
        assertThat(NumberGuard.check("Add two pods to green.", evidence()).unsupported()).containsExactly("two");
        assertThat(NumberGuard.check("Add 3 pods to green.", evidence()).accepted()).isTrue();
    }

    @Test
    void labelsGluedToLettersAreNotQuantities() {
        assertThat(NumberGuard.check("The p99 and p95 latencies (see m12) agree.", evidence()).accepted()).isTrue();
    }

    @Test
    void emptyTextIsNoNarration() {
        assertThat(NumberGuard.check("  ", evidence()).accepted()).isFalse();
    }
}
