package dev.failoverlab.loadgen.yaml;

import dev.failoverlab.loadgen.profile.LoadProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A load-profile file for the load generator's CLI: a YAML document whose top-level {@code load:} list has
 * exactly the scenario format's syntax (read by {@link LoadReader}), so a scenario's load can be pasted into a
 * file and played against a real service. Trace files resolve relative to the profile file's directory.
 */
public final class ProfileFile {
    /** Profiles have no scenario duration to stay inside; this only guards against absurd lengths. */
    private static final Duration LONGEST = Duration.ofDays(7);

    private ProfileFile() {
    }

    /** Reads and checks the file: a positioned {@link YamlFileException}, or a one-line {@link IllegalArgumentException} if unreadable. */
    public static LoadProfile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("profile file not found: " + file.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile file " + file + ": " + e.getMessage());
        }
        YamlNode root = YamlNode.compose(text, file.toString());
        if (!root.isMapping()) {
            throw root.error("expected a mapping with a top-level 'load:' list, e.g. load: [{constant: {rps: 100, for: 30s}}]");
        }
        root.forbidUnknownKeys(List.of("load"));
        YamlNode load = root.require("load");
        Path parent = file.toAbsolutePath().getParent();
        return new LoadReader(parent == null ? Path.of(".") : parent).read(load, LONGEST);
    }
}
