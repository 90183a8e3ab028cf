package dev.failoverlab.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request body under a size limit, checks that it is declared as UTF-8 JSON, and binds it to a request
 * record in two steps: parse to a tree (syntax errors with line and column), then bind (type errors with the
 * field path). Everything wrong becomes an {@link HttpProblem}.
 */
final class RequestBodies {
    /** Past the limit the rest of an oversized body is read and dropped up to this much, so the 413 arrives. */
    private static final long DRAIN_CAP = 16L * 1024 * 1024;

    private final ObjectMapper mapper;
    private final long maxBytes;

    RequestBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** 415 unless the content type is JSON ({@code application/json} or {@code +json}) in UTF-8. */
    void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new HttpProblem(415, null, "missing Content-Type; send -H \"Content-Type: application/json\"");
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].trim();
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new HttpProblem(415, null, "Content-Type " + media + " is not supported; send a JSON body with "
                    + "-H \"Content-Type: application/json\"");
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            if (param.startsWith("charset=")) {
                String charset = param.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new HttpProblem(415, null, "charset " + charset + " is not supported; send UTF-8 JSON");
                }
            }
        }
    }

    /**
     * The body's bytes; 413 past the limit. The declared length is checked before anything is read: a client
     * waiting for {@code 100 Continue} (curl does for large bodies) then gets the 413 without sending the body.
     */
    byte[] read(long declaredLength, boolean expectsContinue, InputStream in) throws IOException {
        if (declaredLength > maxBytes) {
            if (!expectsContinue) {
                drain(in);
            }
            throw tooLarge(declaredLength);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                drain(in);
                throw tooLarge(total);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Parses and binds; the record is not yet validated (the agent does that, naming the field). */
    <T> T bind(byte[] body, Class<T> type) {
        if (isBlank(body)) {
            throw new HttpProblem(400, "", "request body is empty; send a JSON object, e.g. -d '{\"task\": ...}' "
                    + "as in the runbook");
        }
        requireUtf8(body);
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        } catch (IOException e) {
            throw new HttpProblem(400, "", "unreadable body: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new HttpProblem(400, "", "request body must be a JSON object {…}; got "
                    + JsonErrors.describe(tree));
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw JsonErrors.mismatch(e, tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HttpProblem(400, "", "the body does not fit this endpoint; compare it with the runbook's "
                    + "request body for this route");
        }
    }

    /**
     * Jackson decodes only the strings it reads and accepts overlong forms and encoded surrogates; the JDK's
     * decoder rejects every malformed sequence, so the body is checked with it first.
     */
    private static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (body[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new HttpProblem(400, "", String.format(Locale.ROOT,
                    "invalid UTF-8 at byte %d (line %d, byte %d of that line): 0x%02X; send the body in UTF-8",
                    offset, line, offset - lineStart + 1, body[offset] & 0xFF));
        }
    }

    private HttpProblem tooLarge(long seen) {
        return new HttpProblem(413, null, String.format(Locale.ROOT,
                "request body is %d bytes or more; the limit is %d bytes (the runbook's bodies are under 1 KiB)",
                seen, maxBytes));
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long dropped = 0;
        int n;
        while (dropped < DRAIN_CAP && (n = in.read(sink)) >= 0) {
            dropped += n;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
