package org.uncts.cts.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.uncts.cts.reference.PopulationTable;
import org.uncts.cts.store.ParquetPart;

/**
 * The population dataset: the denominators a run had, one row per country, year and sex, with
 * the file each came from and the edition the job spec names ({@code reference.population_edition}).
 * Columns as {@link PublishedSchemas#POPULATION}.
 */
public final class PopulationDataset {

    private PopulationDataset() {
    }

    /**
     * Writes every figure of {@code table} to {@code file} (a Parquet file), ordered by country,
     * year and sex.
     *
     * @param edition the edition recorded on every row, or null when the spec names none
     * @return the number of rows written
     */
    public static long write(Path file, PopulationTable table, String edition) throws IOException {
        return write(file, table, edition, java.util.function.Function.identity());
    }

    /** @param sourceName how the source file is named in the dataset (e.g. relative to the project folder) */
    public static long write(Path file, PopulationTable table, String edition,
                             java.util.function.Function<String, String> sourceName) throws IOException {
        String ed = edition == null || edition.isBlank() ? null : edition.strip();
        List<GenericRecord> rows = table.entries().stream().map(e -> {
            GenericData.Record r = new GenericData.Record(PublishedSchemas.POPULATION);
            r.put("country_iso3", e.iso3());
            r.put("year", e.year());
            r.put("sex", e.sex().code());
            r.put("population", e.population());
            r.put("source", sourceName.apply(e.source()));
            r.put("edition", ed);
            return (GenericRecord) r;
        }).toList();
        return ParquetPart.write(file, PublishedSchemas.POPULATION, rows);
    }
}
