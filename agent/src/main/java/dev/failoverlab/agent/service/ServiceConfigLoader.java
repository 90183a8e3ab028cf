package dev.failoverlab.agent.service;

import dev.failoverlab.agent.llm.LlmSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@link ServiceConfig} from environment variables (what a pod spec sets) overridden by flags
 * ({@code --port 8080} or {@code --port=8080}). The API key is taken only from {@code OPENAI_API_KEY} or a key
 * file, never from a flag (flags show in {@code ps} and pod specs). Every error names the flag, its variable, the
 * bad value and what would be accepted.
 */
public final class ServiceConfigLoader {
    /** One setting: its flag, its environment variable, what it means and its default (null: unset). */
    record Option(String flag, String env, String meaning, String fallback, boolean isSwitch) {
    }

    static final List<Option> OPTIONS = List.of(
            new Option("--host", "AGENT_HOST", "interface to listen on", "0.0.0.0", false),
            new Option("--port", "AGENT_PORT", "HTTP port (0 = any free port)", "8080", false),
            new Option("--llm-base-url", "OPENAI_BASE_URL", "OpenAI-compatible API root, e.g. http://localhost:11434/v1",
                    null, false),
            new Option("--llm-model", "OPENAI_MODEL", "chat model; unset = deterministic answers only", null, false),
            new Option("--llm-timeout", "LLM_TIMEOUT", "limit per narration, e.g. 10s or 800ms", "10s", false),
            new Option("--llm-max-tokens", "LLM_MAX_TOKENS", "cap on a narration's length in tokens", "600", false),
            new Option("--llm-api-key-file", "OPENAI_API_KEY_FILE", "file holding the API key (else OPENAI_API_KEY)",
                    null, false),
            new Option("--dry-run", "AGENT_DRY_RUN", "check every action, apply none (true/false)", "false", true),
            new Option("--allowed-namespaces", "AGENT_ALLOWED_NAMESPACES", "comma-separated namespaces the agent may "
                    + "change", "mcp-failover-clean", false),
            new Option("--allowed-deployments", "AGENT_ALLOWED_DEPLOYMENTS", "comma-separated deployments the agent "
                    + "may scale or route to", "web-blue,web-green", false),
            new Option("--audit-log", "AGENT_AUDIT_LOG", "append-only JSON-lines audit file; unset = log lines", null,
                    false),
            new Option("--learning-store", "AGENT_LEARNING_STORE", "JSON-lines episode file; unset = memory only",
                    null, false));

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

    private ServiceConfigLoader() {
    }

    public static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    public static ServiceConfig load(String[] args, Map<String, String> env) throws StartupException {
        Map<Option, String> values = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            String fromEnv = env.get(o.env());
            values.put(o, fromEnv == null || fromEnv.isBlank() ? o.fallback() : fromEnv.trim());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            Option o = OPTIONS.stream().filter(x -> x.flag().equals(name)).findFirst().orElseThrow(() -> usage(
                    "unknown argument '" + arg + "'; flags are " + OPTIONS.stream().map(Option::flag)
                            .collect(Collectors.joining(", ")) + " (--help explains them)"));
            if (eq > 0) {
                values.put(o, arg.substring(eq + 1));
            } else if (o.isSwitch()) {
                values.put(o, "true");
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(o, args[++i]);
            } else {
                throw usage(o.flag() + " needs a value: " + o.meaning());
            }
        }
        return build(values, env);
    }

    private static ServiceConfig build(Map<Option, String> v, Map<String, String> env) throws StartupException {
        String host = v.get(option("--host"));
        int port = integer(option("--port"), v, 0, 65_535);
        boolean dryRun = bool(option("--dry-run"), v.get(option("--dry-run")));
        Set<String> namespaces = names(option("--allowed-namespaces"), v);
        Set<String> deployments = names(option("--allowed-deployments"), v);
        Path audit = path(option("--audit-log"), v.get(option("--audit-log")));
        Path learning = path(option("--learning-store"), v.get(option("--learning-store")));
        return new ServiceConfig(host, port, llm(v, env), dryRun, namespaces, deployments, audit, learning);
    }

    private static Optional<LlmSettings> llm(Map<Option, String> v, Map<String, String> env) throws StartupException {
        String model = v.get(option("--llm-model"));
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        Option keyFile = option("--llm-api-key-file");
        String key;
        if (v.get(keyFile) != null) {
            Path file = path(keyFile, v.get(keyFile));
            try {
                key = Files.readString(file).trim();
            } catch (IOException e) {
                throw usage(keyFile.flag() + " / " + keyFile.env() + ": cannot read the key file " + file + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        } else {
            key = env.getOrDefault("OPENAI_API_KEY", "").trim();
        }
        if (key.isEmpty()) {
            throw usage("--llm-model / OPENAI_MODEL is set but there is no API key: set OPENAI_API_KEY or "
                    + "--llm-api-key-file (local endpoints accept any non-empty value)");
        }
        String baseUrl = v.get(option("--llm-base-url"));
        if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
            throw usage(describe(option("--llm-base-url")) + ": expected an http(s) URL, got '" + baseUrl + "'");
        }
        Duration timeout = duration(option("--llm-timeout"), v.get(option("--llm-timeout")));
        int maxTokens = integer(option("--llm-max-tokens"), v, 16, 100_000);
        return Optional.of(new LlmSettings(baseUrl, model, key, timeout, maxTokens));
    }

    /** Usage text: every flag with its variable, meaning and default. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("usage: failover-agent [flags]   (each flag can also be set by its "
                + "environment variable; flags win)\n");
        for (Option o : OPTIONS) {
            sb.append(String.format(Locale.ROOT, "  %-24s %-26s %s%s%n", o.flag(), o.env(), o.meaning(),
                    o.fallback() == null ? "" : " [default " + o.fallback() + "]"));
        }
        sb.append("  OPENAI_API_KEY is read from the environment only.\n");
        return sb.toString();
    }

    private static Option option(String flag) {
        return OPTIONS.stream().filter(o -> o.flag().equals(flag)).findFirst().orElseThrow();
    }

    private static String describe(Option o) {
        return o.flag() + " / " + o.env();
    }

    private static int integer(Option o, Map<Option, String> v, int min, int max) throws StartupException {
        String raw = v.get(o);
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw usage(describe(o) + ": expected a whole number " + min + ".." + max + ", got '" + raw + "'");
    }

    private static boolean bool(Option o, String raw) throws StartupException {
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> {
                return true;
            }
            case "false", "no", "0", "off" -> {
                return false;
            }
            default -> throw usage(describe(o) + ": expected true or false, got '" + raw + "'");
        }
    }

    private static Set<String> names(Option o, Map<Option, String> v) throws StartupException {
        List<String> names = Arrays.stream(v.get(o).split(",")).map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw usage(describe(o) + ": expected comma-separated names like a,b without empty entries, got '"
                    + v.get(o) + "'");
        }
        return Set.copyOf(names);
    }

    private static Path path(Option o, String raw) throws StartupException {
        if (raw == null) {
            return null;
        }
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw usage(describe(o) + ": not a valid path: '" + raw + "'");
        }
    }

    private static Duration duration(Option o, String raw) throws StartupException {
        Matcher m = DURATION.matcher(raw.trim());
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            double millis = n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                default -> 60_000;
            };
            if (millis >= 1) {
                return Duration.ofMillis(Math.round(millis));
            }
        }
        throw usage(describe(o) + ": expected a positive duration like 10s, 800ms or 2m, got '" + raw + "'");
    }

    private static StartupException usage(String message) {
        return new StartupException(StartupException.USAGE, message);
    }
}
