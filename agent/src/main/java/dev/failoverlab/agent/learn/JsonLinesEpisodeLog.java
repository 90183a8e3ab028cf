package dev.failoverlab.agent.learn;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Durable episodes: one JSON object per line ({@link EpisodeCodec}). An append writes one whole line and fsyncs it;
 * an update or a compaction writes the full store to a temporary file in the same folder, fsyncs it and renames it
 * over the store atomically, so a crash leaves either the old file or the new one, never half of each. At most a
 * torn last line can be left by a crash during an append: loading drops it (and says so in {@link #warnings()}),
 * whereas a corrupt line elsewhere is an error naming {@code file:line}. A sibling {@code .lock} file keeps two
 * agents from writing one store.
 */
public final class JsonLinesEpisodeLog implements EpisodeLog, AutoCloseable {
    /** How the rewritten temporary file replaces the store; tests inject a failing one to simulate a crash. */
    @FunctionalInterface
    interface Mover {
        void replace(Path temporary, Path store) throws IOException;
    }

    private static final Mover ATOMIC = (temporary, store) ->
            Files.move(temporary, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    private final Path file;
    private final Path folder;
    private final int capacity;
    private final Mover mover;
    private final InMemoryEpisodeLog.EpisodeIndex episodes = new InMemoryEpisodeLog.EpisodeIndex();
    private final List<String> warnings = new ArrayList<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel appender;
    private long size;
    private boolean closed;

    /** Opens (creating if absent) a store capped at 50,000 episodes. */
    public static JsonLinesEpisodeLog open(Path file) {
        return open(file, Retention.DEFAULT_CAPACITY);
    }

    public static JsonLinesEpisodeLog open(Path file, int capacity) {
        return new JsonLinesEpisodeLog(file, capacity, ATOMIC);
    }

    static JsonLinesEpisodeLog open(Path file, int capacity, Mover mover) {
        return new JsonLinesEpisodeLog(file, capacity, mover);
    }

    private JsonLinesEpisodeLog(Path file, int capacity, Mover mover) {
        this.file = file.toAbsolutePath().normalize();
        this.folder = this.file.getParent();
        this.capacity = Retention.requireCapacity(capacity);
        this.mover = mover;
        try {
            Files.createDirectories(folder);
            lockChannel = FileChannel.open(folder.resolve(this.file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException ex) {
            throw cannotOpen(ex);
        }
        lock = acquire(lockChannel);
        try {
            deleteStaleTemporaries();
            if (Files.notExists(this.file)) {
                Files.createFile(this.file);
                syncFolder();
            }
            load(Files.readAllBytes(this.file));
            appender = FileChannel.open(this.file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            size = appender.size();
            if (Retention.overdue(episodes.size(), this.capacity)) {
                compact();
            }
        } catch (IOException | RuntimeException ex) {
            releaseAfterFailedOpen();
            throw ex instanceof IOException io ? cannotOpen(io) : (RuntimeException) ex;
        }
    }

    private EpisodeStoreException cannotOpen(IOException ex) {
        return new EpisodeStoreException("cannot open learning store " + file + ": " + ex.getMessage()
                + "; check that the folder exists and is writable", ex);
    }

    /** A store that failed to load must not keep its lock, or fixing the file would need a restart. */
    private void releaseAfterFailedOpen() {
        try {
            if (appender != null) {
                appender.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the open already failed; its error is the one to report
        }
    }

    @Override
    public synchronized void record(Episode episode) {
        requireOpen();
        episodes.requireNew(episode, location());
        byte[] line = (EpisodeCodec.toLine(episode) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                appender.write(buffer);
            }
            appender.force(false);
        } catch (IOException ex) {
            try {
                appender.truncate(size); // do not leave a torn line for the next append to glue onto
            } catch (IOException ignored) {
                // loading drops a torn last line anyway
            }
            throw new EpisodeStoreException("cannot append episode " + episode.id() + " to " + file + ": "
                    + ex.getMessage(), ex);
        }
        size += line.length;
        episodes.add(episode);
        if (Retention.overdue(episodes.size(), capacity)) {
            compact();
        }
    }

    @Override
    public synchronized void update(Episode resolved) {
        updateAll(List.of(resolved));
    }

    /** Replaces the given episodes with one atomic rewrite of the store. */
    @Override
    public synchronized void updateAll(Collection<Episode> resolved) {
        requireOpen();
        if (resolved.isEmpty()) {
            return;
        }
        List<Episode> next = episodes.withUpdates(resolved, location());
        rewrite(next);
        episodes.replaceAll(next);
    }

    /** Drops all but the newest {@code capacity} episodes (rule updates are always kept), atomically. */
    public synchronized void compact() {
        requireOpen();
        List<Episode> kept = Retention.newest(episodes.list(), capacity);
        rewrite(kept);
        episodes.replaceAll(kept);
    }

    @Override
    public synchronized List<Episode> all() {
        return List.copyOf(episodes.list());
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            appender.close();
            lock.release();
            lockChannel.close();
        } catch (IOException ex) {
            throw new EpisodeStoreException("cannot close learning store " + file + ": " + ex.getMessage(), ex);
        }
    }

    private void load(byte[] bytes) throws IOException {
        Map<String, Integer> firstLine = new HashMap<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        int lineNo = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            if (!blank(bytes, start, end)) {
                Episode e;
                try {
                    String text = decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
                    e = EpisodeCodec.fromLine(text);
                } catch (CharacterCodingException | IllegalArgumentException ex) {
                    String why = ex instanceof CharacterCodingException ? "not valid UTF-8" : ex.getMessage();
                    // an append writes its newline with the line, so a torn one lacks it or is not JSON at all;
                    // a complete JSON line with a wrong field was written (or edited) that way and is reported
                    boolean unfinished = end == bytes.length || !(ex instanceof IllegalArgumentException)
                            || ex instanceof EpisodeCodec.NotJson;
                    if (unfinished && blank(bytes, end, bytes.length)) {
                        tornTail(lineNo, start, bytes.length - start, why);
                        return;
                    }
                    throw new EpisodeStoreException(file + ":" + lineNo + ": " + why
                            + "; fix or delete this line (each line of the store is one JSON episode)");
                }
                Integer seen = firstLine.putIfAbsent(e.id(), lineNo);
                if (seen != null) {
                    throw new EpisodeStoreException(file + ":" + lineNo + ": episode id \"" + e.id()
                            + "\" appears again (first at line " + seen + "); delete one of the two lines");
                }
                episodes.add(e);
                if (end == bytes.length) {
                    appendMissingNewline();
                }
            }
            start = end + 1;
        }
    }

    /** A crash during an append can leave a partial last line: drop it so the next append starts cleanly. */
    private void tornTail(int lineNo, long offset, long length, String why) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.force(true);
        }
        warnings.add(file + ":" + lineNo + ": dropped a torn last line (" + length + " bytes, " + why
                + "), most likely an append interrupted by a crash; the episodes before it are intact");
    }

    private void appendMissingNewline() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            channel.force(true);
        }
    }

    private void rewrite(List<Episode> next) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                for (Episode e : next) {
                    out.write((EpisodeCodec.toLine(e) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                channel.force(true);
            }
            mover.replace(temporary, file);
        } catch (IOException ex) {
            deleteQuietly(temporary);
            throw new EpisodeStoreException("cannot rewrite learning store " + file + " (" + ex.getMessage()
                    + "); the store on disk is unchanged", ex);
        }
        try {
            syncFolder();
            appender.close();
            appender = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            size = appender.size();
        } catch (IOException ex) {
            throw new EpisodeStoreException("rewrote learning store " + file + " but cannot reopen it for appends: "
                    + ex.getMessage(), ex);
        }
    }

    private FileLock acquire(FileChannel channel) {
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException ex) {
            acquired = null;
        } catch (IOException ex) {
            closeQuietly(channel);
            throw cannotOpen(ex);
        }
        if (acquired == null) {
            closeQuietly(channel);
            throw new EpisodeStoreException("learning store " + file + " is already open (its .lock file is held by "
                    + "this or another process); close the other store or give each agent its own file");
        }
        return acquired;
    }

    /** Temporary files of rewrites that a crash interrupted before the rename. */
    private void deleteStaleTemporaries() throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, file.getFileName() + ".*.tmp")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a folder, and there the move is still atomic. */
    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ex) {
            // not supported here (e.g. Windows); nothing more can be done portably
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("learning store " + file + " is closed");
        }
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale temporary file is removed at the next open
        }
    }
}
