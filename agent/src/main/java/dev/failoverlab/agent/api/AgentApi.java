package dev.failoverlab.agent.api;

/**
 * The agent's five operations, as the HTTP routes, the A2A/MCP faces and the harness's {@code ai-agent} policy
 * call them. Implementations validate requests and throw {@link BadRequestException} for bad ones.
 */
public interface AgentApi {

    AgentResponse analyze(AnalyzeRequest request);

    AgentResponse evaluate(EvaluateRequest request);

    AgentResponse failoverAssessment(FailoverAssessmentRequest request);

    AgentResponse optimize(OptimizeRequest request);

    AgentResponse insights(InsightsRequest request);
}
