/**
 * Words for the agent's numbers: a {@link dev.failoverlab.agent.llm.Narrator} (an OpenAI-compatible chat model
 * through openai-java) explains a response's decision from its evidence, and the
 * {@link dev.failoverlab.agent.llm.NumberGuard} rejects any text that states a number the evidence does not hold.
 * {@link dev.failoverlab.agent.llm.NarratingAgentApi} adds an accepted narrative to a response and otherwise leaves
 * it deterministic, saying why in the log; the agent never needs the LLM to answer.
 */
package dev.failoverlab.agent.llm;
