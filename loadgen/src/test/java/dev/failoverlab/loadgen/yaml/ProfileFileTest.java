package dev.failoverlab.loadgen.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.TraceReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProfileFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void readsTheScenarioLoadSyntax() throws IOException {
        Path file = write("p.yaml", "load:\n  - ramp: {from: 50, to: 800, over: 5m}\n  - constant: {rps: 800, for: 30s}\n");

        LoadProfile profile = ProfileFile.read(file);

        assertThat(profile.durationSeconds()).isEqualTo(330);
        assertThat(profile.rateAt(150)).isEqualTo(425);
        assertThat(profile.rateAt(310)).isEqualTo(800);
    }

    @Test
    void traceFilesResolveRelativeToTheProfileFile() throws IOException {
        write("traces/t.csv", "minute,count\n0,600\n1,1200\n2,600\n");
        Path file = write("profiles/p.yaml", "load:\n  - replay: {file: ../traces/t.csv, for: 60s}\n");

        LoadProfile profile = ProfileFile.read(file);

        assertThat(profile.segments().get(0)).isInstanceOf(TraceReplay.class);
        assertThat(profile.rateAt(30)).isEqualTo(15);
    }

    @Test
    void errorsArePositionedAtTheField() throws IOException {
        Path file = write("p.yaml", "load:\n  - ramp: {from: 50, to: 800, over: 5x}\n");

        assertThatThrownBy(() -> ProfileFile.read(file)).isInstanceOf(YamlFileException.class)
                .hasMessageStartingWith(file + ":2:")
                .hasMessageContaining("load[0].ramp.over: expected a duration");
    }

    @Test
    void aMissingTraceNamesWhereItLooked() throws IOException {
        Path file = write("p.yaml", "load:\n  - replay: {file: nope.csv, for: 60s}\n");

        assertThatThrownBy(() -> ProfileFile.read(file)).isInstanceOf(YamlFileException.class)
                .hasMessageContaining("load[0].replay.file: trace file not found: looked for "
                        + dir.resolve("nope.csv").toAbsolutePath());
    }

    @Test
    void wrongShapesAndMissingFilesAreOneLineErrors() throws IOException {
        Path unknownKey = write("u.yaml", "lod:\n  - constant: {rps: 1, for: 1s}\n");
        Path list = write("l.yaml", "- constant: {rps: 1, for: 1s}\n");

        assertThatThrownBy(() -> ProfileFile.read(unknownKey)).hasMessageContaining("unknown key 'lod'");
        assertThatThrownBy(() -> ProfileFile.read(list)).hasMessageContaining("top-level 'load:'");
        assertThatThrownBy(() -> ProfileFile.read(dir.resolve("missing.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("profile file not found: ");
    }
}
