package org.uncts.cts.reference;

import java.util.List;
import java.util.Optional;

/**
 * A UN-CTS indicator the pipeline accepts.
 *
 * @param id             stable identifier used in our outputs ({@code persons_held})
 * @param label          human label, as dataUNODC publishes it where it does
 * @param iccsRule       whether rows carry an ICCS code
 * @param fixedIccsCode  the implied code when {@code iccsRule} is FIXED, else null
 * @param aliases        other texts accepted for this indicator (dataUNODC labels, variants)
 */
public record Indicator(String id, String label, IccsRule iccsRule, String fixedIccsCode, List<String> aliases) {

    public Indicator {
        if (id == null || id.isBlank() || label == null || label.isBlank() || iccsRule == null) {
            throw new IllegalArgumentException("id, label and iccsRule are required");
        }
        if ((iccsRule == IccsRule.FIXED) != (fixedIccsCode != null)) {
            throw new IllegalArgumentException("fixedIccsCode is given exactly when iccsRule is FIXED: " + id);
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /**
     * The ICCS code a row of this indicator stands for: the fixed code when the row leaves it
     * blank, null when the indicator takes none, otherwise the row's code (trimmed, or null).
     * Check {@link #iccsProblem} first.
     */
    public String effectiveIccsCode(String givenCode) {
        String given = givenCode == null || givenCode.isBlank() ? null : givenCode.strip();
        return switch (iccsRule) {
            case FIXED -> given == null ? fixedIccsCode : given;
            case NONE -> null;
            case REQUIRED, OPTIONAL -> given;
        };
    }

    /**
     * What is wrong with the ICCS code a row gives for this indicator, if anything: missing
     * where required, present where the indicator takes none, or different from the implied code.
     */
    public Optional<String> iccsProblem(String givenCode) {
        String given = givenCode == null || givenCode.isBlank() ? null : givenCode.strip();
        return switch (iccsRule) {
            case REQUIRED -> given == null
                    ? Optional.of("indicator " + id + " needs an ICCS code (iccs_code is empty)")
                    : Optional.empty();
            case OPTIONAL -> Optional.empty();
            case NONE -> given == null ? Optional.empty()
                    : Optional.of("indicator " + id + " takes no ICCS code, but the row gives " + given);
            case FIXED -> given == null || given.equals(fixedIccsCode) ? Optional.empty()
                    : Optional.of("indicator " + id + " is always ICCS " + fixedIccsCode + ", but the row gives "
                            + given);
        };
    }
}
