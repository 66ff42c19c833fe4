package org.uncts.cts.reference;

/**
 * A country, area or sub-national reporting unit, with its UN M49 region placement.
 *
 * @param iso3                   ISO 3166-1 alpha-3 code, or a UNODC code for a sub-national
 *                               unit ({@code GBR_E_W}) or a non-ISO area ({@code XKX}); upper case
 * @param m49                    M49 numeric code, 3 digits with leading zeros ("012"), or null
 *                               for units that have none (sub-national units, Kosovo)
 * @param name                   official name as given by the source file
 * @param regionCode             M49 region code ("002"), or null
 * @param region                 M49 region name ("Africa"), or null
 * @param subregionCode          M49 sub-region code ("015"), or null
 * @param subregion              M49 sub-region name ("Northern Africa"), or null
 * @param intermediateRegionCode M49 intermediate region code ("011"), or null
 * @param intermediateRegion     M49 intermediate region name ("Western Africa"), or null
 * @param parentIso3             the country a sub-national unit belongs to ({@code GBR} for
 *                               {@code GBR_E_W}), null for countries
 */
public record Country(
        String iso3,
        String m49,
        String name,
        String regionCode,
        String region,
        String subregionCode,
        String subregion,
        String intermediateRegionCode,
        String intermediateRegion,
        String parentIso3) {

    public Country {
        if (iso3 == null || iso3.isBlank()) {
            throw new IllegalArgumentException("iso3 is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required for " + iso3);
        }
    }

    /** True for units reported below the national level (England and Wales, Kurdistan Region of Iraq). */
    public boolean isSubnational() {
        return parentIso3 != null;
    }

    /** This country with the region placement (region, sub-region, intermediate region) of {@code other}. */
    Country withRegionsOf(Country other) {
        return new Country(iso3, m49, name, other.regionCode, other.region, other.subregionCode, other.subregion,
                other.intermediateRegionCode, other.intermediateRegion, parentIso3);
    }
}
