package org.uncts.cts.validate.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rules as a file or a job spec gives them, before they are checked against a catalogue: each is
 * either a change to a rule already there (only the keys it gives) or a new rule. Checked, with
 * every problem reported at its line, by {@link RuleCatalogue#overriddenBy(RuleOverrides)}.
 */
public final class RuleOverrides {

    private final String source;
    private final List<YamlTree.Node> rules;

    private RuleOverrides(String source, List<YamlTree.Node> rules) {
        this.source = source;
        this.rules = List.copyOf(rules);
    }

    /** A file with the catalogue's layout: a top-level {@code rules:} list. */
    public static RuleOverrides read(Path file) {
        return parse(readBytes(file), file.toString());
    }

    /** YAML text with the catalogue's layout; source names it in error messages. */
    public static RuleOverrides parse(String yaml, String source) {
        return parse(yaml.getBytes(StandardCharsets.UTF_8), source);
    }

    static RuleOverrides parse(byte[] yaml, String source) {
        YamlTree.Node doc = tree(yaml, source);
        if (doc == null) {
            return new RuleOverrides(source, List.of());
        }
        if (!(doc instanceof YamlTree.Mapping top)) {
            throw new RuleCatalogueException(source, List.of(source + " line " + doc.line()
                    + ": expected a mapping with the key 'rules' (rules: followed by a list of rules)."));
        }
        List<String> problems = new java.util.ArrayList<>();
        top.entries().forEach((key, entry) -> {
            if (!key.equals("rules")) {
                problems.add(source + " line " + entry.keyLine() + ": unknown top-level key '" + key
                        + "'. The only top-level key is 'rules'; put each rule under it as a list item (- id: ...).");
            }
        });
        YamlTree.Node list = top.get("rules");
        if (list == null) {
            problems.add(source + " line " + top.line() + ": no 'rules' key. Write 'rules:' followed by a list of rules (- id: ...).");
        } else if (list instanceof YamlTree.Scalar s && s.value() == null) {
            list = null; // "rules:" with nothing under it
        } else if (!(list instanceof YamlTree.Sequence)) {
            problems.add(source + " line " + list.line() + ": 'rules' must be a list of rules (- id: ...).");
        }
        if (!problems.isEmpty()) {
            throw new RuleCatalogueException(source, problems);
        }
        return new RuleOverrides(source, list == null ? List.of() : ((YamlTree.Sequence) list).items());
    }

    /**
     * The list of rules at a path inside a larger YAML document, e.g. {@code validation.overrides}
     * of a job spec; empty when the path is absent. Lines are those of the whole document.
     */
    public static RuleOverrides within(byte[] yaml, String source, String... path) {
        YamlTree.Node node = tree(yaml, source);
        String key = String.join(".", path);
        for (String p : path) {
            if (!(node instanceof YamlTree.Mapping m)) {
                return new RuleOverrides(source, List.of());
            }
            node = m.get(p);
        }
        if (node == null || node instanceof YamlTree.Scalar s && s.value() == null) {
            return new RuleOverrides(source, List.of());
        }
        if (!(node instanceof YamlTree.Sequence seq)) {
            throw new RuleCatalogueException(source, List.of(source + " line " + node.line() + ": '" + key
                    + "' must be a list of rules (- id: ...)."));
        }
        return new RuleOverrides(source, seq.items());
    }

    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public int size() {
        return rules.size();
    }

    List<YamlTree.Node> rules() {
        return rules;
    }

    private static YamlTree.Node tree(byte[] yaml, String source) {
        try {
            return YamlTree.read(yaml);
        } catch (YamlTree.SyntaxException e) {
            throw new RuleCatalogueException(source, List.of(source + (e.line > 0 ? " line " + e.line : "") + ": "
                    + e.getMessage() + ". Fix the YAML (indentation, quotes, colons)."), e);
        }
    }

    private static byte[] readBytes(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RuleCatalogueException(file.toString(), List.of(file + " does not exist. Give the path of a rules .yml file."));
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RuleCatalogueException(file.toString(), List.of("cannot read " + file + ": " + e.getMessage()), e);
        }
    }
}
