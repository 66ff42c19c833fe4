package org.uncts.cts.validate.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document read into plain values (maps, lists, strings, numbers, booleans) that remembers
 * the line of every value and mapping key, so a rule's problems can be reported at their line.
 * Data binding forgets where things were; this reads the token stream instead. Public for the other
 * strictly checked YAML files (publication chart definitions).
 */
public final class YamlTree {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A value and the line it starts on (1-based, 0 when unknown). */
    public sealed interface Node permits Scalar, Mapping, Sequence {
        int line();

        /** The plain Java value: String, Number, Boolean, null, List or Map (insertion-ordered). */
        Object plain();
    }

    public record Scalar(Object value, int line) implements Node {
        @Override
        public Object plain() {
            return value;
        }
    }

    /** A mapping's entries in order; each key has its own line. */
    public record Mapping(Map<String, Entry> entries, int line) implements Node {
        @Override
        public Object plain() {
            Map<String, Object> m = new LinkedHashMap<>();
            entries.forEach((k, e) -> m.put(k, e.value().plain()));
            return Collections.unmodifiableMap(m);
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public int keyLine(String key) {
            Entry e = entries.get(key);
            return e == null ? line : e.keyLine();
        }
    }

    public record Entry(int keyLine, Node value) {
    }

    public record Sequence(List<Node> items, int line) implements Node {
        @Override
        public Object plain() {
            List<Object> l = new ArrayList<>();
            items.forEach(i -> l.add(i.plain()));
            return Collections.unmodifiableList(l);
        }
    }

    /** A problem with the YAML itself, at a line (0 when the parser gave none). */
    public static final class SyntaxException extends Exception {
        final int line;

        SyntaxException(String message, int line, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        /** The line of the problem, 0 when the parser gave none. */
        public int line() {
            return line;
        }
    }

    private YamlTree() {
    }

    /** Reads one document; null for an empty one. Duplicate mapping keys are refused. */
    public static Node read(byte[] yaml) throws SyntaxException {
        try (JsonParser p = YAML.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            return node(p, t);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new SyntaxException(nl < 0 ? msg : msg.substring(0, nl), loc == null ? 0 : Math.max(0, loc.getLineNr()), e);
        }
    }

    private static Node node(JsonParser p, JsonToken t) throws SyntaxException {
        int line = line(p);
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    int keyLine = line(p);
                    Node value = node(p, p.nextToken());
                    if (entries.putIfAbsent(name, new Entry(keyLine, value)) != null) {
                        throw new SyntaxException("key '" + name + "' is given twice in the same mapping", keyLine, null);
                    }
                }
                return new Mapping(Collections.unmodifiableMap(entries), line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(node(p, i));
                }
                return new Sequence(List.copyOf(items), line);
            }
            case VALUE_STRING -> {
                return new Scalar(p.getString(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(p.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(p.getBooleanValue(), line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> throw new SyntaxException("unexpected " + t + " in YAML", line, null);
        }
    }

    private static int line(JsonParser p) {
        var loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    /** A value as a person wrote it, for messages: 'text', a mapping {...}, a list [...], nothing (null). */
    public static String describe(Object v) {
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping " + v;
        }
        if (v instanceof List<?>) {
            return "a list " + v;
        }
        return String.valueOf(v);
    }
}
