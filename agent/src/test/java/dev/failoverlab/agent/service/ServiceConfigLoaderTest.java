package dev.failoverlab.agent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.agent.config.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, environment, flags over environment, and errors that name the setting and the fix. */
final class ServiceConfigLoaderTest {
    private static final String KEY = "sk-test-abcdef0123456789";

    @Test
    void defaultsServeTheRunbooksNamespaceOnPort8080WithoutAnLlm() throws Exception {
        ServiceConfig c = ServiceConfigLoader.load(new String[0], Map.of());
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.llm()).isEmpty();
        assertThat(c.dryRun()).isFalse();
        assertThat(c.allowedNamespaces()).containsExactly("mcp-failover-clean");
        assertThat(c.allowedDeployments()).containsExactlyInAnyOrder("web-blue", "web-green");
        assertThat(c.auditLog()).isNull();
        AgentConfig agent = c.agentConfig();
        assertThat(agent.guard().maxScaleStep()).isEqualTo(AgentConfig.defaults().guard().maxScaleStep());
        assertThat(agent.learningStore()).isNull();
    }

    @Test
    void flagsOverrideTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("AGENT_PORT", "9000", "AGENT_DRY_RUN", "false",
                "AGENT_ALLOWED_NAMESPACES", "a,b", "AGENT_AUDIT_LOG", "/var/log/agent/audit.jsonl");
        ServiceConfig c = ServiceConfigLoader.load(new String[] {"--port=0", "--dry-run", "--learning-store",
                "/data/episodes.jsonl", "--allowed-namespaces", "demo, staging"}, env);
        assertThat(c.port()).isZero();
        assertThat(c.dryRun()).isTrue();
        assertThat(c.allowedNamespaces()).isEqualTo(Set.of("demo", "staging"));
        assertThat(c.auditLog()).isEqualTo(Path.of("/var/log/agent/audit.jsonl"));
        assertThat(c.agentConfig().guard().dryRun()).isTrue();
        assertThat(c.agentConfig().guard().auditLog()).isEqualTo(Path.of("/var/log/agent/audit.jsonl"));
        assertThat(c.agentConfig().learningStore()).isEqualTo(Path.of("/data/episodes.jsonl"));
    }

    @Test
    void anLlmNeedsAModelAndAKeyFromTheEnvironmentOrAFile(@TempDir Path dir) throws Exception {
        ServiceConfig c = ServiceConfigLoader.load(new String[] {"--llm-model", "gpt-4o-mini", "--llm-base-url",
                "http://127.0.0.1:11434/v1", "--llm-timeout", "800ms"}, Map.of("OPENAI_API_KEY", KEY));
        assertThat(c.llm()).hasValueSatisfying(l -> {
            assertThat(l.model()).isEqualTo("gpt-4o-mini");
            assertThat(l.apiKey()).isEqualTo(KEY);
            assertThat(l.timeout()).isEqualTo(Duration.ofMillis(800));
            assertThat(l.toString()).doesNotContain(KEY);
        });
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, "from-file\n");
        assertThat(ServiceConfigLoader.load(new String[] {"--llm-model=m", "--llm-api-key-file=" + keyFile}, Map.of())
                .llm().orElseThrow().apiKey()).isEqualTo("from-file");
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[] {"--llm-model", "m"}, Map.of()))
                .hasMessage("--llm-model / OPENAI_MODEL is set but there is no API key: set OPENAI_API_KEY or "
                        + "--llm-api-key-file (local endpoints accept any non-empty value)");
    }

    @Test
    void badValuesNameTheSettingAndWhatWouldBeAccepted() {
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[0], Map.of("AGENT_PORT", "http")))
                .isInstanceOf(StartupException.class)
                .hasMessage("--port / AGENT_PORT: expected a whole number 0..65535, got 'http'")
                .satisfies(e -> assertThat(((StartupException) e).exitCode()).isEqualTo(StartupException.USAGE));
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[] {"--prot", "1"}, Map.of()))
                .hasMessageStartingWith("unknown argument '--prot'; flags are --host, --port,");
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[] {"--port"}, Map.of()))
                .hasMessage("--port needs a value: HTTP port (0 = any free port)");
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[] {"--dry-run=maybe"}, Map.of()))
                .hasMessage("--dry-run / AGENT_DRY_RUN: expected true or false, got 'maybe'");
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[] {"--allowed-namespaces", "a,,b"}, Map.of()))
                .hasMessageContaining("without empty entries");
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[] {"--llm-model", "m", "--llm-timeout", "soon"},
                Map.of("OPENAI_API_KEY", KEY)))
                .hasMessage("--llm-timeout / LLM_TIMEOUT: expected a positive duration like 10s, 800ms or 2m, "
                        + "got 'soon'");
        assertThatThrownBy(() -> ServiceConfigLoader.load(new String[] {"--llm-model", "m", "--llm-base-url",
                "localhost:1"}, Map.of("OPENAI_API_KEY", KEY))).hasMessageContaining("expected an http(s) URL");
    }

    @Test
    void theUsageListsEveryFlagWithItsVariable() {
        String usage = ServiceConfigLoader.usage();
        for (ServiceConfigLoader.Option o : ServiceConfigLoader.OPTIONS) {
            assertThat(usage).contains(o.flag(), o.env());
        }
        assertThat(usage).contains("OPENAI_API_KEY is read from the environment only");
    }
}
