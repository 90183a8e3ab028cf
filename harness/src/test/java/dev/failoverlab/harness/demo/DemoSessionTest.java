package dev.failoverlab.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.harness.policy.PolicyEnvironment;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.sim.LiveLoad;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class DemoSessionTest {
    private volatile long wall = 0;

    /** Records what the demo hands the agent and whether it was stopped. */
    static final class FakeFrontend implements DemoAgentFrontend {
        ClusterView view;
        Actuator actuator;
        Clock clock;
        DemoSettings settings;
        boolean closed;

        @Override
        public AutoCloseable start(ClusterView v, Actuator a, Clock c, DemoSettings s) {
            view = v;
            actuator = a;
            clock = c;
            settings = s;
            return () -> closed = true;
        }
    }

    private DemoSession.Config config(int controlPort, DemoAgentFrontend frontend) {
        Scenario builtin = DemoScenarios.builtin();
        return new DemoSession.Config(builtin, DemoScenarios.initialLoad(builtin, null, true), 1, 3, 0, controlPort,
                frontend, () -> wall, Duration.ofMillis(10));
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }

    @Test
    void theBuiltInSetupIsTheRunbooksWithOneStandbyPod() {
        Scenario s = DemoScenarios.builtin();
        assertThat(s.cluster().namespace()).isEqualTo("mcp-failover-clean");
        assertThat(s.cluster().service()).isEqualTo("web");
        assertThat(s.cluster().active()).isEqualTo("blue");
        assertThat(s.cluster().deployment("web-blue").replicas()).isEqualTo(2);
        assertThat(s.cluster().deployment("web-green").replicas()).isEqualTo(1);
        assertThat(s.cluster().deployment("web-green").minReplicas()).isEqualTo(1);
        assertThat(s.slo().latencyP95Ms()).isEqualTo(100);
        assertThat(s.faults()).isEmpty();
        assertThat(DemoScenarios.initialLoad(s, null, true)).isEqualTo(new LiveLoad.Constant(100));
        assertThat(DemoScenarios.initialLoad(s, 250.0, true)).isEqualTo(new LiveLoad.Constant(250));
        Scenario file = DemoScenarios.file(Path.of("../scenarios/nuanced-failure.yaml"));
        assertThat(DemoScenarios.initialLoad(file, null, false)).isInstanceOf(LiveLoad.Profile.class);
    }

    @Test
    void theAgentGetsLivePortsAndTheSettingsAndIsStoppedFirst() throws Exception {
        FakeFrontend agent = new FakeFrontend();
        URI control;
        try (DemoSession session = DemoSession.start(config(0, agent), quiet())) {
            control = session.controlUrl();
            assertThat(session.agentRunning()).isTrue();
            assertThat(agent.view.deployments()).extracting(DeploymentInfo::name).containsExactly("web-blue", "web-green");
            assertThat(agent.view.namespace()).isEqualTo("mcp-failover-clean");
            assertThat(agent.clock.now()).isEqualTo(Instant.EPOCH);
            wall += 30_000_000_000L;
            session.live().advance();
            assertThat(agent.clock.now()).isEqualTo(Instant.EPOCH.plusSeconds(30));
            assertThat(agent.actuator.scale("web-green", 3, "ahead of load").applied()).isTrue();
            assertThat(session.newEvents()).extracting(RunEvent::source, RunEvent::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DemoSession.AGENT, RunEvent.Kind.SCALE));
            assertThat(session.newEvents()).as("each event is returned once").isEmpty();

            DemoSettings s = agent.settings;
            assertThat(s.host()).isEqualTo("127.0.0.1");
            assertThat(s.controlUrl()).isEqualTo(control);
            assertThat(s.namespace()).isEqualTo("mcp-failover-clean");
            assertThat(s.initialActiveColor()).isEqualTo("blue");
            assertThat(s.deployments()).containsExactly(
                    new PolicyEnvironment.ManagedDeployment("web-blue", "blue", 1, 10),
                    new PolicyEnvironment.ManagedDeployment("web-green", "green", 1, 10));
            assertThat(s.slo().latencyP95Ms()).isEqualTo(100);
            assertThat(s.context()).containsEntry("user_tolerance", "low");

            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(control + "/control/status")).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.body()).startsWith("[00:00:30]").contains("green 1/3 ready");
        }
        assertThat(agent.closed).isTrue();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(control + "/control/status")).build(), HttpResponse.BodyHandlers.ofString()))
                .as("the control API is closed").isInstanceOf(ConnectException.class);
    }

    @Test
    void aFrontendThatCannotBindStopsWhatAlreadyRuns() throws Exception {
        int controlPort = freePort();
        DemoAgentFrontend busy = (v, a, c, s) -> {
            throw new BindException("Address already in use");
        };
        assertThatThrownBy(() -> DemoSession.start(config(controlPort, busy), quiet()))
                .isInstanceOf(BindException.class)
                .hasMessage("the agent's HTTP API cannot listen on port 0: Address already in use");
        try (ServerSocket again = new ServerSocket(controlPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the control API let go of its port").isEqualTo(controlPort);
        }
    }

    @Test
    void aBusyControlPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DemoSession.start(config(taken.getLocalPort(), null), quiet()))
                    .isInstanceOf(BindException.class)
                    .hasMessageStartingWith("the control API cannot listen on port " + taken.getLocalPort());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
