package dev.failoverlab.agent.brain.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BusinessContextTest {

    private static ImpactLevel level(BusinessContext bc, double share) {
        return bc.impact(share, share * 400, new Evidence());
    }

    @Test
    void theMeasuredShareSetsTheLevelAndTheContextMovesIt() {
        BusinessContext none = BusinessContext.of(Map.of());
        assertThat(level(none, 0)).isEqualTo(ImpactLevel.NONE);
        assertThat(level(none, 0.01)).isEqualTo(ImpactLevel.LOW);
        assertThat(level(none, 0.05)).isEqualTo(ImpactLevel.MEDIUM);
        assertThat(level(none, 0.20)).isEqualTo(ImpactLevel.HIGH);
        BusinessContext peakLow = BusinessContext.of(new FailoverAssessmentRequest(null, null,
                new FailoverAssessmentRequest.Context("peak_hours", "low", "acceptable"), null, null), Map.of());
        assertThat(level(peakLow, 0.01)).isEqualTo(ImpactLevel.HIGH);
        assertThat(level(peakLow, 0)).as("nothing affected stays nothing").isEqualTo(ImpactLevel.NONE);
        BusinessContext quiet = BusinessContext.of(Map.of("time_of_day", "night", "user_tolerance", "high"));
        assertThat(level(quiet, 0.20)).isEqualTo(ImpactLevel.LOW);
        assertThat(quiet.source()).isEqualTo("config default");
    }

    @Test
    void theRequestOverridesTheDefaultFieldByField() {
        BusinessContext bc = BusinessContext.of(new FailoverAssessmentRequest(null, "cost",
                new FailoverAssessmentRequest.Context(null, "low", null), null, null),
                Map.of("time_of_day", "peak_hours", "failover_cost", "prohibitive"));
        assertThat(bc.timeOfDay()).isEqualTo("peak_hours");
        assertThat(bc.userTolerance()).isEqualTo("low");
        assertThat(bc.failoverProhibitive()).isTrue();
        assertThat(bc.immediateAllowed()).isFalse();
        assertThat(bc.source()).isEqualTo("request");
        assertThat(bc.labels()).containsEntry("business_priority", "cost").hasSize(4);
    }

    @Test
    void theRuleIsRecordedAsAModel() {
        Evidence ev = new Evidence();
        BusinessContext.of(Map.of("time_of_day", "peak_hours")).impact(0.05, 20, ev);
        Evidence.ModelOutput m = ev.models().get(0);
        assertThat(m.model()).isEqualTo("business-impact(rules)");
        assertThat(m.parameters()).containsEntry("affected_share", 0.05).containsEntry("context_steps", 1.0);
        assertThat(m.outputs()).containsEntry("level_ordinal", (double) ImpactLevel.HIGH.ordinal());
    }
}
