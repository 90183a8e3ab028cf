package dev.failoverlab.loadgen.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DurationsTest {
    private static final SourceLocation HERE = new SourceLocation("s.yaml", 3, 7);

    @ParameterizedTest
    @CsvSource({"250ms, 250", "30s, 30000", "5m, 300000", "1h, 3600000", "1h30m, 5400000", "1.5m, 90000",
            "0s, 0", "2m30s, 150000", "1h0m5s, 3605000", "0.25s, 250", "90s, 90000"})
    void parsesKubernetesStyleDurations(String text, long millis) {
        assertThat(Durations.parse(text, HERE, "x")).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "5", "abc", "5 m", "m5", "5M", "5min", "-5m", "1h-30m", "5m ago", "1e3s"})
    void tryParseSaysWhatIsNotADurationWithoutAPlace(String text) {
        assertThat(Durations.tryParse(text)).isEmpty();
        assertThat(Durations.tryParse(" 1h30m ")).contains(Duration.ofMinutes(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "5", "abc", "5 m", "m5", "5M", "5min", "-5m", "1h-30m", "5m ago", "1e3s"})
    void rejectsAnythingElseAtTheGivenPlace(String text) {
        assertThatThrownBy(() -> Durations.parse(text, HERE, "load[0].constant.for"))
                .isInstanceOf(YamlFileException.class)
                .hasMessageStartingWith("s.yaml:3:7: load[0].constant.for: expected a duration like 30s or 5m")
                .hasMessageEndingWith("got '" + text + "'");
    }

    @Test
    void formatsCompactlyAndRoundTrips() {
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        for (String text : new String[] {"45s", "20m", "2h", "1h0m5s", "1500ms"}) {
            Duration d = Durations.parse(text, HERE, "x");
            assertThat(Durations.parse(Durations.format(d), HERE, "x")).isEqualTo(d);
        }
    }
}
