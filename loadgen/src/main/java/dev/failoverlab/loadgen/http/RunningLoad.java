package dev.failoverlab.loadgen.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A run in progress on its own thread: {@link #stop()} ends it early, {@link #await()} waits for the result. */
public final class RunningLoad {
    private final EventLoop loop;
    private final Thread thread;

    RunningLoad(EventLoop loop, Thread thread) {
        this.loop = loop;
        this.thread = thread;
    }

    /** Ends the load now (any thread, idempotent); the result keeps everything measured so far. */
    public void stop() {
        loop.requestStop();
    }

    /** Blocks until the run is over (profile played and in-flight requests drained, or stopped). */
    public LoadResult await() {
        CompletableFuture<LoadResult> done = loop.done();
        try {
            LoadResult result = done.get();
            thread.join(); // the loop closes its sockets after publishing the result
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new LoadException("interrupted while waiting for the load run", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new LoadException("the load run failed: " + cause, cause);
        }
    }

    /** Whether the run is still going. */
    public boolean isRunning() {
        return thread.isAlive();
    }
}
