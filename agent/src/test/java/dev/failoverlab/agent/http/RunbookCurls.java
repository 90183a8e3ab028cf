package dev.failoverlab.agent.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook's five curl commands (test resource {@code runbook/curl-commands.sh}, copied verbatim) as the
 * requests a shell would send: path, Content-Type header and the {@code -d} body with {@code $DEMO_URL} expanded.
 */
public final class RunbookCurls {
    /** What {@code minikube service web --url} prints on a typical minikube. */
    static final String DEMO_URL = "http://192.168.49.2:31234";

    public record Curl(String path, String contentType, String body) {
    }

    private static final Pattern PATH = Pattern.compile("curl -X POST localhost:8080(/[a-z-]+)");
    private static final Pattern HEADER = Pattern.compile("-H \"Content-Type: ([^\"]+)\"");

    private RunbookCurls() {
    }

    public static List<Curl> load() {
        String text;
        try (InputStream in = RunbookCurls.class.getResourceAsStream("/runbook/curl-commands.sh")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Curl> curls = new ArrayList<>();
        for (String command : text.split("\n(?=kubectl exec)")) {
            Matcher path = PATH.matcher(command);
            Matcher header = HEADER.matcher(command);
            if (!path.find() || !header.find()) {
                continue;
            }
            int d = command.indexOf("-d ");
            curls.add(new Curl(path.group(1), header.group(1),
                    shellWord(command.substring(d + 3).trim(), Map.of("DEMO_URL", DEMO_URL))));
        }
        return curls;
    }

    /** One shell word made of single-quoted runs and unquoted {@code $NAME}s, as bash concatenates them. */
    static String shellWord(String word, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c == '\'') {
                int end = word.indexOf('\'', i + 1);
                out.append(word, i + 1, end);
                i = end + 1;
            } else if (c == '$') {
                int end = i + 1;
                while (end < word.length() && (Character.isLetterOrDigit(word.charAt(end)) || word.charAt(end) == '_')) {
                    end++;
                }
                out.append(env.getOrDefault(word.substring(i + 1, end), ""));
                i = end;
            } else if (Character.isWhitespace(c)) {
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
