package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** deploy/workload.yaml must fit the app it deploys: known, valid settings, served probe paths, drain in time. */
final class DeployManifestTest {
    private static final Path MANIFEST = Path.of("..", "deploy", "workload.yaml");

    @Test
    void everyContainerSettingIsOneTheWorkloadReadsAndAccepts() throws IOException {
        for (Map<String, Object> deployment : deployments()) {
            Map<String, String> env = env(container(deployment));
            assertThat(WorkloadConfig.VARIABLES).containsAll(env.keySet());
            WorkloadConfig config = WorkloadConfig.fromEnv(env);
            assertThat(name(deployment)).isEqualTo("web-" + config.color());
            int grace = (Integer) podSpec(deployment).get("terminationGracePeriodSeconds");
            assertThat((double) grace).as("grace period outlasts the drain").isGreaterThan(config.drainSeconds());
        }
    }

    @Test
    void probesAskPathsTheServerAnswersOnceWarm() throws Exception {
        try (WorkloadServer server = WorkloadServer.start(WorkloadConfig.defaults().withPort(0).withWarmupSeconds(0))) {
            assertThat(server.awaitWarmedUp(Duration.ofSeconds(10))).isTrue();
            HttpClient client = HttpClient.newHttpClient();
            for (Map<String, Object> deployment : deployments()) {
                Map<String, Object> container = container(deployment);
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    String path = (String) map(map(container.get(probe)).get("httpGet")).get("path");
                    int status = client.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    assertThat(status).as(name(deployment) + " " + probe + " " + path).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void theServiceSelectsExactlyTheBlueDeploymentsPods() throws IOException {
        Map<String, Object> service = documents().stream().filter(d -> "Service".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        Map<String, Object> selector = map(map(service.get("spec")).get("selector"));
        List<String> selected = new ArrayList<>();
        for (Map<String, Object> deployment : deployments()) {
            Map<String, Object> labels = map(map(map(map(deployment.get("spec")).get("template")).get("metadata"))
                    .get("labels"));
            if (labels.entrySet().containsAll(selector.entrySet())) {
                selected.add(name(deployment));
            }
        }
        assertThat(selected).containsExactly("web-blue");
    }

    private static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(Files.readString(MANIFEST))) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    private static List<Map<String, Object>> deployments() throws IOException {
        List<Map<String, Object>> result = documents().stream().filter(d -> "Deployment".equals(d.get("kind")))
                .toList();
        assertThat(result).hasSize(2);
        return result;
    }

    private static String name(Map<String, Object> resource) {
        return (String) map(resource.get("metadata")).get("name");
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(map(map(deployment.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<?> containers = (List<?>) podSpec(deployment).get("containers");
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object item : (List<?>) container.get("env")) {
            Map<String, Object> e = map(item);
            env.put((String) e.get("name"), (String) e.get("value"));
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }
}
