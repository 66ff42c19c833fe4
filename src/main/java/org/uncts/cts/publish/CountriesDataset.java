package org.uncts.cts.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.uncts.cts.reference.Country;
import org.uncts.cts.store.ParquetPart;

/** The countries a run knew, with their M49 codes and regions: joined to observations and published. */
public final class CountriesDataset {

    public static final Schema COUNTRY = SchemaBuilder.record("country").namespace("org.uncts.cts").fields()
            .requiredString("iso3")
            .optionalString("m49")
            .requiredString("name")
            .optionalString("region_code")
            .optionalString("region")
            .optionalString("subregion_code")
            .optionalString("subregion")
            .optionalString("intermediate_region_code")
            .optionalString("intermediate_region")
            .optionalString("parent_iso3")
            .endRecord();

    private CountriesDataset() {
    }

    public static void write(Path target, Collection<Country> countries) throws IOException {
        List<GenericRecord> rows = countries.stream().sorted(Comparator.comparing(Country::iso3)).map(c -> {
            GenericData.Record r = new GenericData.Record(COUNTRY);
            r.put("iso3", c.iso3());
            r.put("m49", c.m49());
            r.put("name", c.name());
            r.put("region_code", c.regionCode());
            r.put("region", c.region());
            r.put("subregion_code", c.subregionCode());
            r.put("subregion", c.subregion());
            r.put("intermediate_region_code", c.intermediateRegionCode());
            r.put("intermediate_region", c.intermediateRegion());
            r.put("parent_iso3", c.parentIso3());
            return (GenericRecord) r;
        }).toList();
        ParquetPart.write(target, COUNTRY, rows);
    }
}
