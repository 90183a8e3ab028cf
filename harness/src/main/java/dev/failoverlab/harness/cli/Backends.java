package dev.failoverlab.harness.cli;

import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.sim.SimBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Backends by name, registered explicitly. */
final class Backends {
    private static final Map<String, Supplier<Backend>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("sim", SimBackend::new);
    }

    private Backends() {
    }

    static Backend create(String name) {
        Supplier<Backend> supplier = KNOWN.get(name);
        if (supplier == null) {
            throw new UserError("unknown backend '" + name + "' (known: " + String.join(", ", KNOWN.keySet()) + ")");
        }
        return supplier.get();
    }
}
