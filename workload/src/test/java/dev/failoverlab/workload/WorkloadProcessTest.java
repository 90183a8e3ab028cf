package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

final class WorkloadProcessTest {

    @Test
    void startsAChildJvmThatServesAndCanBePausedAndResumed() throws Exception {
        try (WorkloadProcess child = WorkloadProcess.start(Map.of("WARMUP_SECONDS", "0", "COLOR", "green"),
                List.of("-Xmx64m"), Duration.ofSeconds(30))) {
            assertThat(child.port()).isPositive();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> root = client.send(HttpRequest.newBuilder(child.baseUri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(200);
            assertThat(root.body()).contains("green");

            child.pause();
            assertThat(awaitState(child.pid(), 'T')).as("process stopped by SIGSTOP").isTrue();
            child.resume();
            assertThat(awaitState(child.pid(), 'S', 'R')).as("process running again after SIGCONT").isTrue();
            assertThat(client.send(HttpRequest.newBuilder(child.baseUri().resolve("/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("pong\n");
        }
    }

    @Test
    void aBadSettingEndsTheStartWithTheWorkloadsOwnMessage() {
        assertThatThrownBy(() -> WorkloadProcess.start(Map.of("SLOW_REQUESTS", "abc"), List.of(),
                Duration.ofSeconds(30)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SLOW_REQUESTS");
    }

    /** Polls /proc/PID/stat (third field: R running, S sleeping, T stopped) until one of the states shows. */
    private static boolean awaitState(long pid, char... states) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            for (char s : states) {
                if (state == s) {
                    return true;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return false;
    }
}
