package dev.failoverlab.harness.score;

import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scenario's faults as time windows per colour. An env patch whose values are all {@code "0"} is a repair,
 * not a fault: it ends every earlier fault on its deployment and opens no window of its own.
 */
public final class FaultWindows {
    private final List<FaultWindow> windows;

    private FaultWindows(List<FaultWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    public static FaultWindows of(Scenario scenario) {
        List<FaultSpec> faults = new ArrayList<>(scenario.faults());
        faults.sort(Comparator.comparing(FaultSpec::at));
        List<FaultWindow> windows = new ArrayList<>();
        for (FaultSpec fault : faults) {
            if (isRepair(fault)) {
                double at = seconds(fault.at());
                for (int i = 0; i < windows.size(); i++) {
                    FaultWindow w = windows.get(i);
                    if (w.fault().deployment().equals(fault.deployment()) && w.onsetSeconds() < at
                            && w.endSeconds() > at) {
                        windows.set(i, new FaultWindow(w.fault(), w.colour(), w.onsetSeconds(), at));
                    }
                }
                continue;
            }
            String colour;
            try {
                colour = scenario.cluster().deployment(fault.deployment()).color();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(fault.location() + ": fault names deployment '"
                        + fault.deployment() + "', which scenario '" + scenario.name() + "' does not define", e);
            }
            double onset = seconds(fault.at());
            Duration lasts = lasts(fault);
            double end = lasts == null ? Double.POSITIVE_INFINITY : onset + seconds(lasts);
            windows.add(new FaultWindow(fault, colour, onset, end));
        }
        return new FaultWindows(windows);
    }

    /** An env patch setting every variable to "0": the workload's knobs switched off again. */
    public static boolean isRepair(FaultSpec fault) {
        return fault instanceof FaultSpec.PatchEnv p && !p.env().isEmpty()
                && p.env().values().stream().allMatch(v -> v.trim().equals("0"));
    }

    private static Duration lasts(FaultSpec fault) {
        if (fault instanceof FaultSpec.CrashLoop c) {
            return c.lasts();
        }
        if (fault instanceof FaultSpec.FailReadiness f) {
            return f.lasts();
        }
        if (fault instanceof FaultSpec.CpuContention c) {
            return c.lasts();
        }
        return null;
    }

    /** Faults (repairs excluded) in order of onset: the incidents decision latency is measured for. */
    public List<FaultWindow> all() {
        return windows;
    }

    public boolean activeOn(String colour, double tSeconds) {
        for (FaultWindow w : windows) {
            if (w.colour().equals(colour) && w.activeAt(tSeconds)) {
                return true;
            }
        }
        return false;
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
