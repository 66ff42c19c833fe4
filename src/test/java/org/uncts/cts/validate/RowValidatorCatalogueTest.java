package org.uncts.cts.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.uncts.cts.model.Provenance;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.model.Severity;
import org.uncts.cts.model.ValidationIssue;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.validate.catalogue.RuleCatalogue;
import org.uncts.cts.validate.catalogue.RuleOverrides;

/** The row validator takes its severities from the rule catalogue, so a job spec can retune them. */
class RowValidatorCatalogueTest {

    private static final ReferenceData REFERENCE = ReferenceData.builtIn();
    private static final ReferenceYears YEARS = new ReferenceYears(2015, 2024);

    private static RawObservation row(String country, String value, String flag) {
        return new RawObservation(new Provenance("r.csv", 2, "x"), country, "2020", "victims_intentional_homicide", "0101",
                "Total", "Total", "Total", "Total", "Counts", value, flag, null, null, () -> "raw", null);
    }

    private static ValidationIssue only(RowOutcome o) {
        assertEquals(1, o.issues().size(), o.issues().toString());
        return o.issues().get(0);
    }

    private static RuleCatalogue overridden(String yaml) {
        return RuleCatalogue.builtIn().overriddenBy(RuleOverrides.parse(yaml, "spec.yml"));
    }

    @Test
    void shippedSeveritiesByDefault() {
        RowValidator v = new RowValidator(REFERENCE, YEARS, 1);
        ValidationIssue byName = only(v.validate(row("England and Wales", "10", "")));
        assertEquals("country-by-name", byName.ruleId());
        assertEquals(Severity.INFO, byName.severity());

        RowOutcome fractional = v.validate(row("GBR_E_W", "10.5", ""));
        assertEquals(Severity.ERROR, only(fractional).severity());
        assertNull(fractional.observation());
        RowOutcome estimated = v.validate(row("GBR_E_W", "10.5", "e"));
        assertEquals(Severity.WARNING, only(estimated).severity(), "severity_if_estimated");
        assertNotNull(estimated.observation());
    }

    @Test
    void anOverriddenSeverityIsHonoured() {
        RuleCatalogue rules = overridden("""
                rules:
                  - id: country-by-name
                    severity: WARNING
                  - id: value-fractional-count
                    severity: WARNING
                    params: {severity_if_estimated: INFO}
                """);
        RowValidator v = new RowValidator(REFERENCE, YEARS, 1, rules);
        RowOutcome byName = v.validate(row("England and Wales", "10", ""));
        assertEquals(Severity.WARNING, only(byName).severity());
        assertNotNull(byName.observation());

        RowOutcome fractional = v.validate(row("GBR_E_W", "10.5", ""));
        assertEquals(Severity.WARNING, only(fractional).severity());
        assertNotNull(fractional.observation(), "a WARNING keeps the row");
        assertEquals(Severity.INFO, only(v.validate(row("GBR_E_W", "10.5", "e"))).severity());
    }

    @Test
    void aRetunedRuleCanAlsoRejectRows() {
        RowValidator v = new RowValidator(REFERENCE, YEARS, 1, overridden("rules:\n  - id: value-dash-nil\n    severity: ERROR\n"));
        RowOutcome nil = v.validate(row("GBR_E_W", "-", ""));
        assertEquals(Severity.ERROR, only(nil).severity());
        assertNull(nil.observation());
    }
}
