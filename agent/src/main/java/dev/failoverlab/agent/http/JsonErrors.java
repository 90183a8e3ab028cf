package dev.failoverlab.agent.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Turns Jackson's exceptions into 400s a person can act on: malformed JSON says line and column, a wrong type
 * names the field path, what was expected (with an example) and what was sent. Java class names never leak.
 */
final class JsonErrors {
    private static final int SHOWN_CHARS = 40;

    private JsonErrors() {
    }

    /** The body is not well-formed JSON (syntax, encoding, trailing data, duplicate key or a size limit). */
    static HttpProblem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? ""
                : String.format(Locale.ROOT, " at line %d, column %d", at.getLineNr(), at.getColumnNr());
        String field = "";
        if (e instanceof StreamReadException sre && sre.getProcessor() != null) {
            field = path(sre.getProcessor().getParsingContext());
        }
        return new HttpProblem(400, field, "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage())
                + "; send one JSON object in UTF-8, like the runbook's curl bodies");
    }

    /** The JSON is fine but a value has the wrong type for its field. */
    static HttpProblem mismatch(JsonMappingException e, JsonNode root) {
        String field = path(e.getPath());
        String found = describe(find(root, e.getPath()));
        Class<?> target = e instanceof MismatchedInputException mie ? mie.getTargetType() : null;
        String name = field.isEmpty() ? "the body" : "\"" + field + "\"";
        if (target == null) {
            return new HttpProblem(400, field, name + " has a value this endpoint cannot read (" + found
                    + "); check the field against the runbook's request body");
        }
        return new HttpProblem(400, field, name + " must be " + expected(target) + "; got " + found);
    }

    /** {@code context.time_horizon}, {@code deployments[1]}: the path of a databind failure. */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The same path from where a streaming parser stopped. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** What a JSON value is, for "got …": {@code the number 5}, {@code the string "x"}, {@code an object}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "a value of another type";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isNumber()) {
            return "the number " + shorten(node.asText());
        }
        if (node.isTextual()) {
            return "the string \"" + shorten(node.asText()) + "\"";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "an array" : "an object";
    }

    private static String expected(Class<?> target) {
        if (CharSequence.class.isAssignableFrom(target) || target == char.class || target == Character.class) {
            return "a string, e.g. \"value\"";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number, e.g. 100 (no quotes)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false (no quotes)";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array, e.g. [\"a\", \"b\"]";
        }
        return "an object, e.g. {\"key\": \"value\"}";
    }

    private static JsonNode find(JsonNode root, List<JsonMappingException.Reference> refs) {
        JsonNode node = root;
        for (JsonMappingException.Reference ref : refs) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName())
                    : ref.getIndex() >= 0 ? node.get(ref.getIndex()) : node;
        }
        return node;
    }

    private static String shorten(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= SHOWN_CHARS ? flat : flat.substring(0, SHOWN_CHARS) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
