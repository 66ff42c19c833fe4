package org.uncts.cts.spec;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds a YAML file that statisticians edit (job specs, publication definitions) to records,
 * refusing unknown keys, and turns Jackson's errors into one line naming the file, the line and
 * the key, with the keys allowed there.
 */
public final class StrictYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A YAML file that does not fit its layout; the message names file, line and key. */
    public static final class Problem extends RuntimeException {
        Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private StrictYaml() {
    }

    /**
     * @param source the file as it should be named in messages
     * @return the bound value; null for an empty document
     * @throws Problem when the YAML is malformed or does not fit {@code type}
     */
    public static <T> T read(byte[] yaml, Class<T> type, String source) {
        try {
            return YAML.readValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            Set<String> known = e.getKnownPropertyIds() == null ? Set.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            throw new Problem(keyLine(source, yaml, e) + "unknown key '" + e.getPropertyName() + "'. Known keys here: "
                    + String.join(", ", known) + ".", e);
        } catch (MismatchedInputException e) {
            throw new Problem(where(source, e) + firstLine(e.getOriginalMessage()) + " (at " + pathOf(e) + ").", e);
        } catch (JacksonException e) {
            throw new Problem(where(source, e) + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** The parser's location can be past the key; the key's own line is what a person wants. */
    private static String keyLine(String source, byte[] yaml, UnrecognizedPropertyException e) {
        Pattern key = Pattern.compile("^[\\s-]*" + Pattern.quote(e.getPropertyName()) + "\\s*:");
        String[] lines = new String(yaml, StandardCharsets.UTF_8).split("\\R", -1);
        int found = 0;
        int line = 0;
        for (int i = 0; i < lines.length; i++) {
            if (key.matcher(lines[i]).find()) {
                found++;
                line = i + 1;
            }
        }
        return found == 1 ? source + " line " + line + ": " : where(source, e);
    }

    private static String where(String source, JacksonException e) {
        var loc = e.getLocation();
        return source + (loc != null && loc.getLineNr() > 0 ? " line " + loc.getLineNr() : "") + ": ";
    }

    private static String pathOf(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static String firstLine(String s) {
        if (s == null) {
            return "invalid YAML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
