package dev.failoverlab.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workload in a child JVM of its own, as calibration and the benchmarks need it: its CPU and garbage
 * collection must not mix with the load generator's. Started from the current classpath with {@code PORT=0};
 * the port is read from the line {@link WorkloadMain} prints when it listens. {@link #pause()} and
 * {@link #resume()} stop and continue the whole process (SIGSTOP / SIGCONT): a server stall that no code path
 * inside the server can hide.
 */
public final class WorkloadProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final int port;
    private final List<String> errorTail;

    private WorkloadProcess(Process process, int port, List<String> errorTail) {
        this.process = process;
        this.port = port;
        this.errorTail = errorTail;
    }

    /**
     * Starts {@code WorkloadMain} with {@code env} added to this process's environment ({@code PORT} is forced
     * to 0) and waits until it listens and {@code /readyz} answers 200.
     *
     * @throws IOException when the child exits, does not listen or does not become ready within {@code timeout}
     */
    public static WorkloadProcess start(Map<String, String> env, List<String> jvmOptions, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkloadMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        List<String> errorTail = drainStderr(process);
        try {
            int port = awaitPort(process, timeout, errorTail);
            WorkloadProcess started = new WorkloadProcess(process, port, errorTail);
            started.awaitReady(timeout);
            return started;
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Stops every thread of the workload (SIGSTOP): connections are still accepted by the kernel, not served. */
    public void pause() throws IOException {
        signal("STOP");
    }

    /** Continues a paused workload (SIGCONT). */
    public void resume() throws IOException {
        signal("CONT");
    }

    /** Asks for a graceful stop (SIGTERM: drain), then kills the process if it outlives {@code grace}. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private void signal(String name) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        try {
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IOException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling the workload", e);
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/readyz")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw exited();
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting: poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the workload", e);
            }
            pollPause();
        }
        throw new IOException("workload on port " + port + " not ready within " + timeout.toSeconds() + " s");
    }

    private static int awaitPort(Process process, Duration timeout, List<String> errorTail) throws IOException {
        // a thread of its own reads stdout for the whole life of the child, so it never blocks on a full pipe
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (!port.isDone() && m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the child is gone; fall through
            }
            port.complete(-1);
        }, "workload-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            int p = port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (p <= 0) {
                waitForExit(process);
                throw new IOException("workload exited before listening" + tail(errorTail));
            }
            return p;
        } catch (TimeoutException e) {
            throw new IOException("workload did not listen within " + timeout.toSeconds() + " s" + tail(errorTail));
        } catch (ExecutionException e) {
            throw new IOException("cannot read the workload's output", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the workload", e);
        }
    }

    /** Lets the stderr reader catch the child's last words before they are quoted. */
    private static void waitForExit(Process process) throws IOException {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the workload", e);
        }
    }

    private static List<String> drainStderr(Process process) {
        List<String> tail = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    tail.add(line);
                    if (tail.size() > 5) {
                        tail.remove(0);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "workload-stderr");
        t.setDaemon(true);
        t.start();
        return tail;
    }

    private IOException exited() {
        return new IOException("workload exited with code " + process.exitValue() + tail(errorTail));
    }

    private static String tail(List<String> errorTail) {
        synchronized (errorTail) {
            return errorTail.isEmpty() ? "" : ": " + String.join(" | ", errorTail);
        }
    }

    private static void pollPause() {
        // a short park between readiness polls; bounded by the caller's deadline
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
}
