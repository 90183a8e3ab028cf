package dev.failoverlab.harness.policy;

import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.harness.scenario.Settings;
import java.util.Set;

/** Creates a fresh policy instance per run; declares the settings keys a scenario may override. */
public interface PolicyFactory {

    String name();

    /** One line for {@code --help} and reports. */
    String description();

    /** Keys accepted under {@code settings.<name>} in a scenario. */
    Set<String> settingKeys();

    /** A new policy for one run; may throw {@code YamlFileException} for a bad setting value. */
    Policy create(Settings settings);
}
