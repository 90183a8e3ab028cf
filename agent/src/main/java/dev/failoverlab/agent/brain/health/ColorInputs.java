package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import java.util.List;

/**
 * What was read from the cluster for one colour in one query.
 *
 * @param deployment  the Deployment (null when the API server could not say)
 * @param pods        its pods (null when unreadable)
 * @param intervals   scrape intervals of the detector's lookback, oldest first (empty when Prometheus failed)
 * @param scrapesRead whether Prometheus answered
 * @param podsWithMetrics pods metrics-server reported (-1: unknown); the Observer's CPU is their mean
 */
record ColorInputs(ColorObservation observation, DeploymentInfo deployment, List<PodInfo> pods,
        List<ScrapeInterval> intervals, boolean scrapesRead, int podsWithMetrics) {
}
