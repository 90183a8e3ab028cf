package dev.failoverlab.loadgen.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class LoadSummaryTest {
    private static final LoadOptions OPTIONS = LoadOptions.of(URI.create("http://127.0.0.1:8080/ping"),
            new LoadProfile(List.of(new LoadSegment.Ramp(50, 800, 2))));

    /** 96 responses of 1..96 ms, and 2 timeouts recorded at 10 s; two one-second rows. */
    private static LoadResult result() {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        Histogram service = new Histogram(3_600_000_000L, 3);
        for (int ms = 1; ms <= 96; ms++) {
            latency.recordValue(ms * 1000L);
            service.recordValue(ms * 500L);
        }
        latency.recordValue(10_000_000L);
        latency.recordValue(10_000_000L);
        service.recordValue(10_000_000L);
        service.recordValue(10_000_000L);
        List<IntervalReport> rows = List.of(
                new IntervalReport(1, 237.5, 240, 240, 1, 0.5, 2.25, 9.125, 0, 0),
                new IntervalReport(2, 612.5, 600.5, 601, 3, 0.75, 3.5, 12, 4, 17));
        return new LoadResult(100, 98, 96, 93, Map.of(200, 93L, 500, 3L), 6, 2, 1, 4, 1, 0, 0, 2.0, 48.0,
                latency, service, rows);
    }

    @Test
    void jsonCarriesOptionsTotalsPercentilesStatusesAndRows() throws Exception {
        String json = LoadSummary.json(OPTIONS, result());
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(root.get("target").asText()).isEqualTo("http://127.0.0.1:8080/ping");
        assertThat(root.get("profile").get(0).asText()).isEqualTo("ramp 50→800 rps over 2 s");
        assertThat(root.get("arrivals").asText()).isEqualTo("poisson");
        assertThat(root.get("connections").asInt()).isEqualTo(32);
        assertThat(root.get("intended").asLong()).isEqualTo(100);
        assertThat(root.get("unsent").asLong()).isEqualTo(1);
        assertThat(root.get("errors").asLong()).isEqualTo(6);
        assertThat(root.get("achievedRps").asDouble()).isEqualTo(48.0);
        JsonNode latency = root.get("latencyMs");
        assertThat(latency.fieldNames()).toIterable()
                .containsExactly("p50", "p90", "p95", "p99", "p99_9", "max", "mean");
        assertThat(latency.get("p50").asDouble()).isEqualTo(49.023); // HdrHistogram's highest-equivalent value
        assertThat(latency.get("p99").asDouble()).isGreaterThanOrEqualTo(9999);
        assertThat(root.get("serviceTimeMs").get("p50").asDouble()).isEqualTo(24.511);
        assertThat(root.get("statusCounts").get("500").asLong()).isEqualTo(3);
        assertThat(root.get("intervals")).hasSize(2);
        assertThat(root.get("intervals").get(1).get("p95Ms").asDouble()).isEqualTo(3.5);
        assertThat(root.get("intervals").get(1).get("backlog").asLong()).isEqualTo(17);
    }

    @Test
    void csvHasOneRowPerSecondAndATotalRowWithAllPercentiles() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // decimal comma would break the CSV: the summary must ignore it
        try {
            String[] lines = LoadSummary.csv(result()).split("\n");

            assertThat(lines).hasSize(4);
            assertThat(lines[0]).isEqualTo(LoadSummary.CSV_HEADER);
            assertThat(lines[1]).isEqualTo("second,1,237.5,240,240,1,0,0,0.5,,2.25,9.125,,,");
            assertThat(lines[2]).isEqualTo("second,2,612.5,600.5,601,3,4,17,0.75,,3.5,12,,,");
            assertThat(lines[3]).startsWith("total,2,50,48,96,6,4,1,49.023,");
            assertThat(lines[3]).endsWith(",200=93;500=3").doesNotContain("200=93,");
            for (String line : lines) {
                assertThat(line.split(",", -1)).hasSize(15);
            }
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void textSummaryNamesEveryCount() {
        String text = LoadSummary.text(result());

        assertThat(text).contains("96 requests in 2.0 s: 48.0 rps achieved (100 intended, 98 sent)")
                .contains("errors 6 (6.00%): timeouts 2 (0 expired waiting), I/O 1; late 4, unsent 1")
                .contains("latency (from intended send) p50 49.02 ms")
                .contains("status 200: 93, 500: 3");
    }

    @Test
    void countAtOrAboveIncludesTheThresholdsBucket() {
        LoadResult r = result();

        assertThat(r.countAtOrAbove(Duration.ofMillis(90))).isEqualTo(9); // 90..96 and the two timeouts
        assertThat(r.countAtOrAbove(Duration.ZERO)).isEqualTo(98);
        assertThat(r.countAtOrAbove(Duration.ofSeconds(11))).isZero();
    }
}
