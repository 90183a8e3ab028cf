package dev.failoverlab.harness.scenario;

import java.util.Collection;
import java.util.Set;

/** What the parser needs to know about policies to validate {@code policies:} and {@code settings:}. */
public interface PolicyCatalog {

    /** Known policy names in a stable order (for error messages). */
    Collection<String> names();

    /** Keys a scenario may set under {@code settings.<policy>}; empty for an unknown policy. */
    Set<String> settingKeys(String policy);
}
