package dev.failoverlab.agent.llm;

/**
 * The instructions for the model: explain the decision in plain words, and state no number that is not in the
 * evidence exactly (the {@link NumberGuard} enforces this; the prompt only makes rejections rare).
 */
final class NarrationPrompt {
    static final String SYSTEM = String.join("\n",
            "You explain a blue/green failover agent's answer to the operator who asked for it.",
            "Write at most three short sentences in plain English: what the agent decided or recommends, and why,",
            "based only on the response and its evidence below.",
            "Rules for numbers: write a number only if it appears in the evidence. Copy it as written there; you may",
            "round it to fewer decimals or write a fraction such as 0.3 as 30%. Never compute, convert units,",
            "estimate, or add numbers of your own, and write counts in digits only when the evidence has them.",
            "When in doubt, describe in words instead of numbers. Do not mention evidence ids such as m1 or model2.");

    private NarrationPrompt() {
    }

    static String user(String endpoint, String responseJson) {
        return "Endpoint: " + endpoint + "\nResponse (JSON, evidence included):\n" + responseJson
                + "\n\nExplain this answer to the operator.";
    }
}
