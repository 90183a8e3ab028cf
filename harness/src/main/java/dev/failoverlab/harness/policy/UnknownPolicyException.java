package dev.failoverlab.harness.policy;

import java.util.Collection;

/** A policy name nobody registered; the message lists the known ones. */
public final class UnknownPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownPolicyException(String name, Collection<String> known) {
        super("unknown policy '" + name + "' (known: " + String.join(", ", known) + ")");
    }
}
