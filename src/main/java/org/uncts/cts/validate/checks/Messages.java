package org.uncts.cts.validate.checks;

import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/** Fills a rule's message template; a rule without a template falls back to its description. */
final class Messages {

    private Messages() {
    }

    static String render(Rule rule, Map<String, String> values) {
        String template = rule.message() == null || rule.message().isBlank() ? rule.description() : rule.message();
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
