package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class QuantitiesTest {
    private static final SourceLocation HERE = new SourceLocation("s.yaml", 5, 9);

    @ParameterizedTest
    @CsvSource({"500m, 500", "1, 1000", "1.5, 1500", "0.25, 250", "2000m, 2000", "0.001, 1", "4, 4000"})
    void cpuInMillicores(String text, long millis) {
        assertThat(Quantities.cpuMillis(text, HERE, "cpu")).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500x", "", "-1", "m", "1.5 cores", "500M", "1e3"})
    void rejectsMalformedCpu(String text) {
        assertThatThrownBy(() -> Quantities.cpuMillis(text, HERE, "cluster.deployments.web-blue.cpu"))
                .isInstanceOf(YamlFileException.class)
                .hasMessageStartingWith("s.yaml:5:9: cluster.deployments.web-blue.cpu: expected a CPU quantity");
    }

    @Test
    void rejectsCpuFinerThanAMillicore() {
        assertThatThrownBy(() -> Quantities.cpuMillis("0.5m", HERE, "cpu")).hasMessageContaining("finer than 1m");
        assertThatThrownBy(() -> Quantities.cpuMillis("1.0005", HERE, "cpu")).hasMessageContaining("finer than 1m");
    }

    @ParameterizedTest
    @CsvSource({"256Mi, 268435456", "1Gi, 1073741824", "512M, 512000000", "1.5Gi, 1610612736", "1024, 1024",
            "1k, 1000", "64Ki, 65536", "2G, 2000000000", "1Ti, 1099511627776"})
    void memoryInBytes(String text, long bytes) {
        assertThat(Quantities.memoryBytes(text, HERE, "memory")).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256mi", "256MB", "Gi", "1.5.1Gi", "-1Gi", "256 Mi"})
    void rejectsMalformedMemoryAndSaysSuffixesAreCaseSensitive(String text) {
        assertThatThrownBy(() -> Quantities.memoryBytes(text, HERE, "memory"))
                .isInstanceOf(YamlFileException.class)
                .hasMessageContaining("expected a memory quantity like 256Mi")
                .hasMessageContaining("case-sensitive");
    }

    @Test
    void rejectsFractionalBytesAndOverflow() {
        assertThatThrownBy(() -> Quantities.memoryBytes("1.5", HERE, "memory"))
                .hasMessageContaining("not a whole number of bytes");
        assertThatThrownBy(() -> Quantities.memoryBytes("99999999999Ti", HERE, "memory"))
                .hasMessageContaining("too large");
    }

    @Test
    void formatsCompactly() {
        assertThat(Quantities.formatCpu(500)).isEqualTo("500m");
        assertThat(Quantities.formatCpu(2000)).isEqualTo("2");
        assertThat(Quantities.formatMemory(256L << 20)).isEqualTo("256Mi");
        assertThat(Quantities.formatMemory(1L << 30)).isEqualTo("1Gi");
        assertThat(Quantities.formatMemory(1000)).isEqualTo("1000");
        assertThat(Quantities.formatMemory(0)).isEqualTo("0");
    }
}
