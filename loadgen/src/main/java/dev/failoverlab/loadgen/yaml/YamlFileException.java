package dev.failoverlab.loadgen.yaml;

/**
 * A YAML file (a scenario or a load profile) is wrong. The message reads {@code file:line:column: path: what is wrong (how to fix)} so
 * editors and CI logs can jump to it.
 */
public final class YamlFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SourceLocation location;

    public YamlFileException(SourceLocation location, String fieldPath, String message) {
        super(location + ": " + (fieldPath == null || fieldPath.isEmpty() ? "" : fieldPath + ": ") + message);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
