package dev.failoverlab.loadgen.http;

import java.io.IOException;

/**
 * Entry point of the open-loop load generator. The target is checked before anything starts: a bad URL, an
 * unknown host or a refused first connection throw {@link LoadException} with a one-line message.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    /** Runs the whole profile and returns its result (blocking). */
    public static LoadResult run(LoadOptions options, LoadListener listener) {
        return start(options, listener).await();
    }

    /** Starts the run on its own thread and returns at once. */
    public static RunningLoad start(LoadOptions options, LoadListener listener) {
        HttpTarget target = HttpTarget.of(options.target());
        target.checkReachable(options.timeout());
        EventLoop loop;
        try {
            loop = new EventLoop(options, target, listener == null ? LoadListener.NONE : listener);
        } catch (IOException e) {
            throw new LoadException("cannot open a selector for the load run: " + e.getMessage(), e);
        }
        Thread thread = new Thread(loop, "loadgen-event-loop");
        thread.setDaemon(true);
        thread.start();
        return new RunningLoad(loop, thread);
    }
}
