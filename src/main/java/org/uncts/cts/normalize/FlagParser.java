package org.uncts.cts.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.uncts.cts.model.ObsStatus;

/**
 * Maps the observation flags focal points use (UN, Eurostat and UOE conventions) to SDMX
 * OBS_STATUS. Several flags may be combined ("p, b"); a break in series wins because it is what
 * makes years non-comparable.
 */
public final class FlagParser {

    private static final Map<String, ObsStatus> FLAGS = Map.ofEntries(
            Map.entry("e", ObsStatus.E), Map.entry("*", ObsStatus.E), Map.entry("s", ObsStatus.E),
            Map.entry("est", ObsStatus.E), Map.entry("estimate", ObsStatus.E), Map.entry("estimated", ObsStatus.E),
            Map.entry("p", ObsStatus.P), Map.entry("prov", ObsStatus.P), Map.entry("provisional", ObsStatus.P),
            Map.entry("b", ObsStatus.B), Map.entry("break", ObsStatus.B), Map.entry("break in series", ObsStatus.B),
            Map.entry("d", ObsStatus.D), Map.entry("definition differs", ObsStatus.D),
            Map.entry("u", ObsStatus.U), Map.entry("low reliability", ObsStatus.U),
            Map.entry("r", ObsStatus.A), Map.entry("revised", ObsStatus.A),
            Map.entry("c", ObsStatus.Q), Map.entry("confidential", ObsStatus.Q));

    /** Lower wins: B first, then suppression, then the qualifiers. */
    private static final String PRIORITY = "BQDEPUA";

    private FlagParser() {
    }

    /** The status the flag text implies; A for blank; empty when a flag is not recognised. */
    public static Optional<ObsStatus> parse(String flag) {
        if (flag == null || flag.isBlank()) {
            return Optional.of(ObsStatus.A);
        }
        String whole = flag.strip().toLowerCase(Locale.ROOT);
        ObsStatus single = FLAGS.get(whole);
        if (single != null) {
            return Optional.of(single);
        }
        ObsStatus best = null;
        for (String part : whole.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            ObsStatus s = FLAGS.get(part);
            if (s == null) {
                return Optional.empty();
            }
            if (best == null || PRIORITY.indexOf(s.name()) < PRIORITY.indexOf(best.name())) {
                best = s;
            }
        }
        return Optional.ofNullable(best == null ? ObsStatus.A : best);
    }
}
