package dev.failoverlab.agent.guard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Every attempt to change the cluster, one JSON object per line: time (agent clock), action, target, value,
 * reason, outcome ({@code applied}, {@code refused}, {@code dry-run}, {@code not-applied}, {@code error}),
 * detail and caller. To a file, it is opened for append only and each line is forced to disk before
 * {@link #record} returns; otherwise each line goes to the {@code dev.failoverlab.agent.audit} logger.
 */
public final class AuditLog implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One audit line. */
    @JsonPropertyOrder({"time", "action", "target", "value", "reason", "outcome", "detail", "caller"})
    public record Entry(
            @JsonProperty("time") String time,
            @JsonProperty("action") String action,
            @JsonProperty("target") String target,
            @JsonProperty("value") Object value,
            @JsonProperty("reason") String reason,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("detail") String detail,
            @JsonProperty("caller") String caller) {
    }

    private final FileChannel file;
    private final Consumer<String> sink;

    private AuditLog(FileChannel file, Consumer<String> sink) {
        this.file = file;
        this.sink = sink;
    }

    /** Appends to {@code path} (created with its directories if missing; existing lines are never touched). */
    public static AuditLog toFile(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new AuditLog(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), null);
    }

    /** Lines to the {@code dev.failoverlab.agent.audit} logger at INFO. */
    public static AuditLog toLogger() {
        return to(LoggerFactory.getLogger("dev.failoverlab.agent.audit")::info);
    }

    /** Lines to any sink (an embedding application's own log). */
    public static AuditLog to(Consumer<String> sink) {
        return new AuditLog(null, Objects.requireNonNull(sink, "sink"));
    }

    /** Writes one line; with a file, it is on disk when this returns. */
    public synchronized void record(Entry entry) {
        String line;
        try {
            line = JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry not serialisable: " + e.getOriginalMessage(), e);
        }
        if (file == null) {
            sink.accept(line);
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
            file.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("audit log write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
