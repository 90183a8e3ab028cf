package dev.failoverlab.harness.scenario;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository's {@code scenarios/} folder is, and which folder to resolve its relative trace paths
 * against. In a plain checkout {@code scenarios/../../shared} is the shared data beside it; a git worktree
 * sits one level deeper, so the tests then resolve against a virtual {@code <dir holding shared>/checkout/
 * scenarios} (the parser normalises paths lexically, so that folder need not exist).
 */
final class SuitePaths {
    private static final Path TRACES = Path.of("shared", "data", "traces");

    private SuitePaths() {
    }

    /** The public suite folder (tests run with the module folder as working directory). */
    static Path scenariosDir() {
        return Path.of("..", "scenarios").toAbsolutePath().normalize();
    }

    /** The base folder for relative trace paths, or null when no shared data is reachable. */
    static Path traceBaseDir() {
        Path dir = scenariosDir();
        if (Files.isDirectory(dir.resolve("../..").normalize().resolve(TRACES))) {
            return dir;
        }
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(TRACES))) {
                return p.resolve("checkout").resolve("scenarios");
            }
        }
        return null;
    }
}
