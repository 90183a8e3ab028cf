package dev.failoverlab.harness.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class PrometheusTextTest {
    private static final String SCRAPE = """
            # HELP http_requests_total Requests by handler and status
            # TYPE http_requests_total counter
            http_requests_total{code="200",handler="/"} 1500.0
            http_requests_total{code="500",handler="/"} 25
            http_requests_total{code="200",handler="/ping"} 9000
            http_requests_total{code="404",handler="/a \\"quoted\\", path"} 3
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total 12.5 1733312000000
            http_request_duration_seconds_bucket{handler="/",le="+Inf"} 1525
            jvm_info{runtime="OpenJDK Runtime Environment",vendor="Eclipse Adoptium",version="17.0.15+6"} 1
            """;

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        PrometheusText t = PrometheusText.parse(SCRAPE);
        assertThat(t.sum("http_requests_total", Map.of("handler", "/"))).isEqualTo(1525.0);
        assertThat(t.sum("http_requests_total", Map.of())).isEqualTo(10528.0);
        assertThat(t.sum("http_requests_total", Map.of("handler", "/", "code", "500"))).isEqualTo(25.0);
        assertThat(t.sum("process_cpu_seconds_total", Map.of())).as("a timestamp is not the value").isEqualTo(12.5);
        assertThat(t.sum("http_requests_total", Map.of("handler", "/a \"quoted\", path"))).isEqualTo(3.0);
        assertThat(t.sum("no_such_metric", Map.of())).isZero();
        assertThat(t.has("jvm_info")).isTrue();
        assertThat(t.has("jvm")).isFalse();
        assertThat(t.samples()).hasSize(7);
    }

    @Test
    void aMalformedLineIsNamedByNumber() {
        assertThatThrownBy(() -> PrometheusText.parse("# ok\nup{job=\"a\" 1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metrics line 2")
                .hasMessageContaining("up{job=\"a\" 1");
        assertThatThrownBy(() -> PrometheusText.parse("up one\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metrics line 1");
    }
}
