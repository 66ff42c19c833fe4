package org.uncts.cts.reference;

/** A country found for a piece of text, and how it was found. */
public record CountryMatch(Country country, MatchKind kind) {
}
