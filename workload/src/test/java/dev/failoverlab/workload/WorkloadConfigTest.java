package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WorkloadConfigTest {

    @Test
    void noEnvironmentGivesTheDocumentedDefaults() {
        WorkloadConfig config = WorkloadConfig.fromEnv(Map.of());

        assertThat(config).isEqualTo(WorkloadConfig.defaults());
        assertThat(config.color()).isEqualTo("blue");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.workMs()).isEqualTo(1.0);
        assertThat(config.workCv()).isEqualTo(1.0);
        assertThat(config.slowPercent()).isZero();
        assertThat(config.slowDelayMs()).isEqualTo(700);
        assertThat(config.errorPercent()).isZero();
        assertThat(config.threads()).isEqualTo(100);
        assertThat(config.warmupSeconds()).isEqualTo(3);
        assertThat(config.drainSeconds()).isEqualTo(20);
        assertThat(config.seed()).isEqualTo(1);
    }

    @Test
    void everyVariableIsRead() {
        Map<String, String> env = new HashMap<>();
        env.put("COLOR", "green");
        env.put("PORT", "0");
        env.put("WORK_MS", "4.5");
        env.put("WORK_CV", "0.5");
        env.put("SLOW_REQUESTS", "20");
        env.put("SLOW_DELAY_MS", "250");
        env.put("RANDOM_ERRORS", "5");
        env.put("THREADS", "8");
        env.put("WARMUP_SECONDS", "0.5");
        env.put("DRAIN_SECONDS", "30");
        env.put("SEED", "-42");

        WorkloadConfig config = WorkloadConfig.fromEnv(env);

        assertThat(config).isEqualTo(new WorkloadConfig("green", 0, 4.5, 0.5, 20, 250, 5, 8, 0.5, 30, -42));
        assertThat(config.describe()).isEqualTo("COLOR=green PORT=0 WORK_MS=4.5 WORK_CV=0.5 SLOW_REQUESTS=20 "
                + "SLOW_DELAY_MS=250 RANDOM_ERRORS=5 THREADS=8 WARMUP_SECONDS=0.5 DRAIN_SECONDS=30 SEED=-42");
    }

    @Test
    void blankValuesKeepTheDefaultAndWhitespaceIsIgnored() {
        WorkloadConfig config = WorkloadConfig.fromEnv(Map.of("COLOR", " ", "SLOW_REQUESTS", " 12.5 ",
                "PORT", "", "WORK_MS", "1e1"));

        assertThat(config.color()).isEqualTo("blue");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.slowPercent()).isEqualTo(12.5);
        assertThat(config.workMs()).isEqualTo(10);
    }

    @Test
    void boundsAreInclusive() {
        WorkloadConfig config = WorkloadConfig.fromEnv(Map.of("SLOW_REQUESTS", "100", "RANDOM_ERRORS", "0",
                "PORT", "65535", "THREADS", "1", "WORK_MS", "0", "WORK_CV", "10"));

        assertThat(config.slowPercent()).isEqualTo(100);
        assertThat(config.port()).isEqualTo(65535);
        assertThat(config.threads()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "SLOW_REQUESTS  | abc       | SLOW_REQUESTS: expected a number 0..100, got 'abc'",
        "SLOW_REQUESTS  | 101       | SLOW_REQUESTS: expected a number 0..100, got '101'",
        "SLOW_REQUESTS  | -1        | SLOW_REQUESTS: expected a number 0..100, got '-1'",
        "SLOW_REQUESTS  | NaN       | SLOW_REQUESTS: expected a number 0..100, got 'NaN'",
        "SLOW_REQUESTS  | 20%       | SLOW_REQUESTS: expected a number 0..100, got '20%'",
        "RANDOM_ERRORS  | five      | RANDOM_ERRORS: expected a number 0..100, got 'five'",
        "RANDOM_ERRORS  | 100.5     | RANDOM_ERRORS: expected a number 0..100, got '100.5'",
        "PORT           | 65536     | PORT: expected an integer 0..65535, got '65536'",
        "PORT           | -1        | PORT: expected an integer 0..65535, got '-1'",
        "PORT           | 80.5      | PORT: expected an integer 0..65535, got '80.5'",
        "PORT           | 99999999999 | PORT: expected an integer 0..65535, got '99999999999'",
        "WORK_MS        | -0.5      | WORK_MS: expected a number 0..60000, got '-0.5'",
        "WORK_MS        | Infinity  | WORK_MS: expected a number 0..60000, got 'Infinity'",
        "WORK_MS        | 1ms       | WORK_MS: expected a number 0..60000, got '1ms'",
        "WORK_MS        | 60001     | WORK_MS: expected a number 0..60000, got '60001'",
        "WORK_CV        | 11        | WORK_CV: expected a number 0..10, got '11'",
        "WORK_CV        | 0x1p3     | WORK_CV: expected a number 0..10, got '0x1p3'",
        "SLOW_DELAY_MS  | 0.7s      | SLOW_DELAY_MS: expected an integer 0..600000, got '0.7s'",
        "SLOW_DELAY_MS  | 700.5     | SLOW_DELAY_MS: expected an integer 0..600000, got '700.5'",
        "SLOW_DELAY_MS  | 600001    | SLOW_DELAY_MS: expected an integer 0..600000, got '600001'",
        "THREADS        | 0         | THREADS: expected an integer 1..10000, got '0'",
        "THREADS        | 10001     | THREADS: expected an integer 1..10000, got '10001'",
        "THREADS        | many      | THREADS: expected an integer 1..10000, got 'many'",
        "WARMUP_SECONDS | 3s        | WARMUP_SECONDS: expected a number 0..3600, got '3s'",
        "WARMUP_SECONDS | -1        | WARMUP_SECONDS: expected a number 0..3600, got '-1'",
        "DRAIN_SECONDS  | 3601      | DRAIN_SECONDS: expected a number 0..3600, got '3601'",
        "DRAIN_SECONDS  | 20s       | DRAIN_SECONDS: expected a number 0..3600, got '20s'",
        "SEED           | 1.5       | SEED: expected an integer, got '1.5'",
        "SEED           | 99999999999999999999 | SEED: expected an integer, got '99999999999999999999'",
        "COLOR          | blue green | COLOR: expected a name of 1..63 letters, digits, '-' or '_', got 'blue green'",
        "COLOR          | -blue     | COLOR: expected a name of 1..63 letters, digits, '-' or '_', got '-blue'",
    })
    void everyBadValueIsNamedWithItsRuleAndValue(String name, String value, String message) {
        assertThatThrownBy(() -> WorkloadConfig.fromEnv(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void copiesAreHeldToTheSameRules() {
        WorkloadConfig config = WorkloadConfig.defaults();

        assertThat(config.withSlow(20, 50).slowPercent()).isEqualTo(20);
        assertThat(config.withWork(4, 0).workCv()).isZero();
        assertThat(config.withColor("green").withPort(0).withThreads(2).withSeed(7).withErrorPercent(5)
                .withWarmupSeconds(0).withDrainSeconds(1))
                .isEqualTo(new WorkloadConfig("green", 0, 1, 1, 0, 700, 5, 2, 0, 1, 7));
        assertThatThrownBy(() -> config.withErrorPercent(120))
                .hasMessage("RANDOM_ERRORS: expected a number 0..100, got '120'");
        assertThatThrownBy(() -> config.withThreads(0)).hasMessage("THREADS: expected an integer 1..10000, got '0'");
        assertThatThrownBy(() -> config.withWork(Double.NaN, 1))
                .hasMessage("WORK_MS: expected a number 0..60000, got 'NaN'");
    }
}
