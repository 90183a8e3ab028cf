package dev.failoverlab.agent.learn;

/**
 * How much evidence the learner needs before it speaks, and the costs its objectives weigh.
 *
 * @param minAccuracyEpisodes resolved episodes of a kind needed before an accuracy figure is given
 * @param minRetuneEpisodes   usable resolved episodes needed before a rule parameter may be re-tuned
 * @param retuneWindow        re-tuning looks at this many newest usable episodes per rule
 * @param minPairs            paired observations needed for a colour comparison
 * @param minGroup            episodes needed in each group of a two-group comparison
 * @param falseAlarmCost      cost of acting when it was not needed (scaling for load that did not come, an alarm
 *                            on a healthy colour, a traffic move back that was a flap)
 * @param missCost            cost of not acting when it was needed (CPU over target unprepared, a degradation
 *                            left undetected for one more query, a needed move back blocked by the cooldown)
 * @param optimizeTolerance   an optimize prediction counts as right when p95 and cost are both within this
 *                            relative error of what was observed
 * @param initialRules        the rules in force before any accepted update
 */
public record LearningSettings(
        int minAccuracyEpisodes,
        int minRetuneEpisodes,
        int retuneWindow,
        int minPairs,
        int minGroup,
        double falseAlarmCost,
        double missCost,
        double optimizeTolerance,
        Rules initialRules) {

    public LearningSettings {
        atLeast("minAccuracyEpisodes", minAccuracyEpisodes, 1);
        atLeast("minRetuneEpisodes", minRetuneEpisodes, 1);
        atLeast("retuneWindow", retuneWindow, minRetuneEpisodes);
        atLeast("minPairs", minPairs, 4);
        atLeast("minGroup", minGroup, 2);
        if (!(falseAlarmCost > 0) || !(missCost > 0)) {
            throw new IllegalArgumentException("falseAlarmCost and missCost must be > 0, got " + falseAlarmCost
                    + " and " + missCost);
        }
        if (!(optimizeTolerance > 0 && optimizeTolerance < 1)) {
            throw new IllegalArgumentException("optimizeTolerance must be in (0, 1), got " + optimizeTolerance);
        }
        if (initialRules == null) {
            throw new IllegalArgumentException("initialRules is required; use Rules.initial()");
        }
    }

    /**
     * Defaults: 5 episodes for an accuracy figure, 20 for a re-tune (over the newest 2,000), 30 pairs or 5 per group
     * for a pattern; a miss costs three false alarms; optimize predictions within 20 % count as right.
     */
    public static LearningSettings defaults() {
        return new LearningSettings(5, 20, 2000, 30, 5, 1.0, 3.0, 0.2, Rules.initial());
    }

    public LearningSettings withInitialRules(Rules rules) {
        return new LearningSettings(minAccuracyEpisodes, minRetuneEpisodes, retuneWindow, minPairs, minGroup,
                falseAlarmCost, missCost, optimizeTolerance, rules);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }
}
