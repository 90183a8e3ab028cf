package dev.failoverlab.agent.learn;

import static dev.failoverlab.agent.learn.TestEpisodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable store: round trip, crash tolerance, positioned errors, atomic rewrites, compaction, locking. */
final class JsonLinesEpisodeLogTest {
    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("learn").resolve("episodes.jsonl");
    }

    private static List<Episode> three() {
        return List.of(
                TestEpisodes.pending("forecast-1", EpisodeKind.FORECAST, 0,
                        map(EpisodeKind.P_CPU_ABOVE_TARGET, 0.7, EpisodeKind.PEAK_RPS, 812.5)),
                TestEpisodes.resolved("health-2", EpisodeKind.HEALTH, 1, map(EpisodeKind.DEGRADED, 1),
                        map(EpisodeKind.SLO_VIOLATED, 0)),
                new Episode("observation-3", "observation", TestEpisodes.T0, TestEpisodes.T0, "web", Map.of(),
                        map("blue.p95_ms", 84.0, "green.p95_ms", Double.NaN), Map.of("active_color", "blue"), true));
    }

    @Test
    void episodesSurviveAReopenExactly() {
        Episode resolvedForecast;
        try (var log = JsonLinesEpisodeLog.open(store())) {
            three().forEach(log::record);
            resolvedForecast = log.all().get(0).resolve(map(EpisodeKind.CPU_ABOVE_TARGET, 1, EpisodeKind.PEAK_RPS, 790));
            log.update(resolvedForecast);
        }
        try (var log = JsonLinesEpisodeLog.open(store())) {
            assertThat(log.all()).containsExactly(resolvedForecast, three().get(1), three().get(2));
            assertThat(log.all().get(2).observed().get("green.p95_ms")).isNaN();
            assertThat(log.warnings()).isEmpty();
            assertThat(log.durable()).isTrue();
            assertThat(log.location()).endsWith("episodes.jsonl");
        }
    }

    @Test
    void aTornLastLineIsDroppedWithOneWarningAndTheNextAppendIsClean() throws IOException {
        try (var log = JsonLinesEpisodeLog.open(store())) {
            three().subList(0, 2).forEach(log::record);
        }
        String full = EpisodeCodec.toLine(three().get(2));
        Files.writeString(store(), full.substring(0, full.length() / 2), StandardOpenOption.APPEND);
        try (var log = JsonLinesEpisodeLog.open(store())) {
            assertThat(log.all()).containsExactlyElementsOf(three().subList(0, 2));
            assertThat(log.warnings()).singleElement().asString()
                    .contains("episodes.jsonl:3:", "torn last line", "not valid JSON");
            log.record(three().get(2));
        }
        try (var log = JsonLinesEpisodeLog.open(store())) {
            assertThat(log.all()).containsExactlyElementsOf(three());
            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void aCorruptMiddleLineIsRejectedWithFileAndLine() throws IOException {
        try (var log = JsonLinesEpisodeLog.open(store())) {
            three().forEach(log::record);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(store()));
        lines.set(1, "{\"id\": \"health-2\", oops");
        Files.write(store(), lines);
        assertThatThrownBy(() -> JsonLinesEpisodeLog.open(store()))
                .isInstanceOf(EpisodeStoreException.class)
                .hasMessageStartingWith(store() + ":2: not valid JSON")
                .hasMessageContaining("fix or delete this line");

        lines.set(1, lines.get(0).replace("forecast-1", "other").replace("2026-12-04T10:00:00Z", "yesterday"));
        Files.write(store(), lines);
        assertThatThrownBy(() -> JsonLinesEpisodeLog.open(store()))
                .hasMessageStartingWith(store() + ":2: field \"at\" is not an ISO-8601 instant");

        // a complete last line with a wrong field was not torn by a crash: it is reported, not dropped
        Files.write(store(), List.of(lines.get(0), lines.get(0).replace("forecast-1", "x").replace("\"at\"", "\"t\"")));
        assertThatThrownBy(() -> JsonLinesEpisodeLog.open(store()))
                .hasMessageStartingWith(store() + ":2: field \"at\" is missing or not a string");

        lines.set(1, lines.get(0));
        Files.write(store(), lines);
        assertThatThrownBy(() -> JsonLinesEpisodeLog.open(store()))
                .hasMessageStartingWith(store() + ":2: episode id \"forecast-1\" appears again (first at line 1)");
    }

    @Test
    void aCrashBetweenWritingAndRenamingLeavesTheOldStoreIntact() throws IOException {
        try (var log = JsonLinesEpisodeLog.open(store())) {
            three().forEach(log::record);
        }
        byte[] before = Files.readAllBytes(store());
        JsonLinesEpisodeLog.Mover crash = (temporary, target) -> {
            assertThat(Files.readString(temporary)).contains("\"cpu_above_target\":1.0"); // the new store was written
            throw new IOException("simulated crash before the rename");
        };
        try (var log = JsonLinesEpisodeLog.open(store(), 100, crash)) {
            Episode resolved = log.all().get(0).resolve(map(EpisodeKind.CPU_ABOVE_TARGET, 1));
            assertThatThrownBy(() -> log.update(resolved))
                    .isInstanceOf(EpisodeStoreException.class)
                    .hasMessageContaining("simulated crash", "the store on disk is unchanged");
            assertThat(log.all()).containsExactlyElementsOf(three());
        }
        assertThat(Files.readAllBytes(store())).isEqualTo(before);
        try (var files = Files.list(store().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnoredAndRemoved() throws IOException {
        try (var log = JsonLinesEpisodeLog.open(store())) {
            three().forEach(log::record);
        }
        Path stale = store().resolveSibling("episodes.jsonl.4711.tmp");
        Files.writeString(stale, "{\"half\": ", StandardCharsets.UTF_8);
        try (var log = JsonLinesEpisodeLog.open(store())) {
            assertThat(log.all()).containsExactlyElementsOf(three());
        }
        assertThat(stale).doesNotExist();
    }

    @Test
    void compactionKeepsTheNewestEpisodesAndEveryRuleUpdate() {
        Episode update = RuleUpdates.toEpisode("rule-update-1", TestEpisodes.T0, Rules.initial(),
                new Rules(2, 0.3, 10, 50, 5, 300), List.of());
        try (var log = JsonLinesEpisodeLog.open(store(), 10)) {
            log.record(update);
            for (int i = 1; i <= 30; i++) {
                log.record(TestEpisodes.forecast("forecast-" + i, i, 0.5, 1));
            }
            assertThat(log.all().size()).isBetween(10, 11);
        }
        try (var log = JsonLinesEpisodeLog.open(store(), 10)) {
            List<Episode> all = log.all();
            assertThat(all.get(0)).isEqualTo(update);
            assertThat(all.get(all.size() - 1).id()).isEqualTo("forecast-30");
            assertThat(all.subList(1, all.size())).extracting(Episode::id)
                    .allMatch(id -> Integer.parseInt(id.substring("forecast-".length())) > 19);
        }
    }

    @Test
    void oneStoreOneWriter() {
        try (var first = JsonLinesEpisodeLog.open(store())) {
            first.record(three().get(0));
            assertThatThrownBy(() -> JsonLinesEpisodeLog.open(store()))
                    .isInstanceOf(EpisodeStoreException.class).hasMessageContaining("is already open");
            assertThatThrownBy(() -> first.record(three().get(0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"forecast-1\" is already in");
            assertThatThrownBy(() -> first.update(three().get(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no episode with id \"health-2\"");
        }
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        try (var log = JsonLinesEpisodeLog.open(store())) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.record(TestEpisodes.forecast("forecast-" + thread + "-" + i, i, 0.5, 0));
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread th : threads) {
                th.join();
            }
        }
        try (var log = JsonLinesEpisodeLog.open(store())) {
            assertThat(log.all()).hasSize(100).extracting(Episode::id).doesNotHaveDuplicates();
        }
    }
}
