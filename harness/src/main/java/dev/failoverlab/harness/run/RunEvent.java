package dev.failoverlab.harness.run;

/**
 * Something that happened at a point in time: a fault from the scenario, an action by the policy (applied or
 * refused), or a policy's note.
 *
 * @param kind    one of {@link Kind}
 * @param source  who did it: {@code scenario} or the policy name
 * @param target  deployment or colour it concerns (may be empty)
 * @param value   the new value for actions: replicas, selected colour, or split like {@code blue=70,green=30}
 * @param detail  free text: the fault label or the policy's reason
 */
public record RunEvent(double tSeconds, Kind kind, String source, String target, String value, String detail) {

    public enum Kind {
        FAULT, FAULT_END, SCALE, SPLIT, SELECTOR, REFUSED, NOTE;

        public boolean isAction() {
            return this == SCALE || this == SPLIT || this == SELECTOR;
        }
    }
}
