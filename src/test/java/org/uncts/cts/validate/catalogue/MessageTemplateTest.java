package org.uncts.cts.validate.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void fillsPlaceholders() {
        MessageTemplate t = MessageTemplate.of("{value} in {year} against {previous} in {previous_year}: {change_pct}.");
        assertEquals(List.of("value", "year", "previous", "previous_year", "change_pct"), List.copyOf(t.placeholders()));
        assertEquals("130 in 2021 against 100 in 2020: +30%.", t.render(Map.of("value", "130", "year", 2021,
                "previous", "100", "previous_year", "2020", "change_pct", "+30%")));
    }

    @Test
    void aMissingValueStaysVisibleAndValuesAreNotSubstitutedAgain() {
        MessageTemplate t = MessageTemplate.of("{parts} add up to {sum}, not {total}.");
        assertEquals("M, F {sum} add up to {sum}, not 10.", t.render(Map.of("parts", "M, F {sum}", "total", "10")));
    }

    @Test
    void aBackslashKeepsALiteralBraceAndNoDefaultSyntax() {
        MessageTemplate t = MessageTemplate.of("set \\{x} to {value:-0}");
        assertEquals(List.of("value:-0"), List.copyOf(t.placeholders()), "no ':-' default syntax: the name is checked as written");
        assertEquals("set {x} to 5", t.render(Map.of("value:-0", "5")));
    }

    @Test
    void aShippedRuleRenders() {
        Rule sex = RuleCatalogue.builtIn().rule("sum-sex").orElseThrow();
        assertEquals("Male, female and unknown (M 6, F 3) add up to 9, but the total is 12: off by -3. "
                        + "Please correct the parts or the total.",
                sex.render(Map.of("parts", "M 6, F 3", "sum", "9", "total", "12", "imbalance", "-3")));
    }
}
