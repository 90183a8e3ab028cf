package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities as a Deployment spec writes them: CPU {@code 500m}, {@code 1}, {@code 1.5}
 * (cores); memory {@code 256Mi}, {@code 1Gi}, {@code 512M}, {@code 1.5Gi} or a plain byte count. Suffixes are
 * case-sensitive as in Kubernetes ({@code 256mi} and {@code 256MB} are rejected rather than guessed).
 */
public final class Quantities {
    private static final Pattern CPU = Pattern.compile("(\\d+(?:\\.\\d+)?)(m?)");
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Map<String, Long> MEMORY_UNITS = Map.of(
            "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40,
            "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

    private Quantities() {
    }

    /** CPU in millicores; Kubernetes does not allow precision finer than 1m. */
    public static long cpuMillis(String text, SourceLocation where, String path) {
        Matcher m = CPU.matcher(text.trim());
        if (!m.matches()) {
            throw new YamlFileException(where, path,
                    "expected a CPU quantity like 500m, 1 or 1.5 (cores), got '" + text + "'");
        }
        BigDecimal millis = new BigDecimal(m.group(1));
        if (m.group(2).isEmpty()) {
            millis = millis.movePointRight(3);
        }
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new YamlFileException(where, path, "CPU '" + text + "' is finer than 1m (one millicore)");
        }
        return exactLong(millis, text, where, path);
    }

    /** Memory in bytes: binary suffixes Ki/Mi/Gi/Ti, decimal k/M/G/T, or none for bytes. */
    public static long memoryBytes(String text, SourceLocation where, String path) {
        Matcher m = MEMORY.matcher(text.trim());
        if (!m.matches()) {
            throw new YamlFileException(where, path, "expected a memory quantity like 256Mi, 1Gi, 512M or a byte"
                    + " count, got '" + text + "' (suffixes are case-sensitive: Ki Mi Gi Ti, k M G T)");
        }
        BigDecimal bytes = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            bytes = bytes.multiply(BigDecimal.valueOf(MEMORY_UNITS.get(m.group(2))));
        }
        if (bytes.stripTrailingZeros().scale() > 0) {
            throw new YamlFileException(where, path, "memory '" + text + "' is not a whole number of bytes");
        }
        return exactLong(bytes, text, where, path);
    }

    /** Compact form for tables: {@code 500m}, {@code 2} (cores). */
    public static String formatCpu(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
    }

    /** Compact form for tables: the largest binary unit that divides exactly, else bytes. */
    public static String formatMemory(long bytes) {
        String[] units = {"Ti", "Gi", "Mi", "Ki"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return Long.toString(bytes);
    }

    private static long exactLong(BigDecimal value, String text, SourceLocation where, String path) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new YamlFileException(where, path, "quantity '" + text + "' is too large");
        }
    }
}
