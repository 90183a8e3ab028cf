package dev.failoverlab.harness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report folder under construction. Runs write into a sibling staging folder that is moved into place only
 * when everything succeeded, so a failed or interrupted run leaves nothing half-written at the target.
 * The folder keeps a copy of each scenario file and a manifest, so {@code report} can re-render it later.
 */
final class ReportFolder {
    static final String MANIFEST = "manifest.properties";
    static final String SCENARIOS = "scenarios";

    private final Path target;
    private final Path staging;

    private ReportFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Checks the target before any work: it must be absent or empty, and its parent writable. */
    static ReportFolder prepare(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new UserError("output path exists and is not a folder: " + target);
            }
            try (var entries = Files.list(absolute)) {
                if (entries.findAny().isPresent()) {
                    throw new UserError("output folder is not empty: " + target + " (choose another --out or delete it)");
                }
            } catch (IOException e) {
                throw new UserError("cannot read output folder " + target + ": " + e.getMessage());
            }
        }
        Path parent = absolute.getParent();
        Path staging = parent.resolve("." + absolute.getFileName() + ".partial");
        try {
            Files.createDirectories(parent);
            deleteRecursively(staging);
            Files.createDirectory(staging);
            Path probe = Files.createTempFile(staging, "write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            deleteQuietly(staging);
            throw new UserError("output folder is not writable: " + parent + " (" + e.getMessage() + ")");
        }
        return new ReportFolder(absolute, staging);
    }

    Path staging() {
        return staging;
    }

    Path target() {
        return target;
    }

    /** Copies the scenario files and writes the manifest describing the run. */
    void writeManifest(Map<String, Path> scenarioFiles, Map<String, String> settings) {
        try {
            Path dir = Files.createDirectories(staging.resolve(SCENARIOS));
            Map<String, String> lines = new TreeMap<>(settings);
            for (var e : scenarioFiles.entrySet()) {
                Path source = e.getValue().toAbsolutePath().normalize();
                Files.copy(source, dir.resolve(e.getKey() + ".yaml"), StandardCopyOption.REPLACE_EXISTING);
                lines.put("scenario." + e.getKey() + ".sourceDir", source.getParent().toString());
            }
            try (Writer w = Files.newBufferedWriter(staging.resolve(MANIFEST), StandardCharsets.UTF_8)) {
                for (var e : lines.entrySet()) {
                    w.write(e.getKey() + "=" + e.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest to " + staging, e);
        }
    }

    /** Moves the finished staging folder into place. */
    void commit() {
        try {
            if (Files.exists(target)) {
                Files.delete(target); // checked empty in prepare()
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
        }
    }

    /** Removes the staging folder after a failure. */
    void abandon() {
        deleteQuietly(staging);
    }

    static List<String> scenarioNames(Path folder) {
        try (var files = Files.list(folder.resolve(SCENARIOS))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UserError("not a report folder (no scenarios/ inside): " + folder);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException ignored) {
            // best effort: a leftover staging folder is hidden and replaced by the next run
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
