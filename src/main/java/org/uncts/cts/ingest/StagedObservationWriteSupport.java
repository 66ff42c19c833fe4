package org.uncts.cts.ingest;

import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.uncts.cts.model.Observation;

/**
 * Writes accepted observations into staging parts, straight to Parquet columns. Staged rows carry
 * only what the row itself says; the publish step adds what is the same for a whole file (name,
 * SHA-256, run id) or derivable (country names and regions, series key). source_cell (null for one
 * observation per line) keeps apart the observations of one Excel row or wide line, so that a
 * duplicate or a finding is matched to its own observation, not to the whole line.
 */
public final class StagedObservationWriteSupport extends WriteSupport<Observation> {

    public static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("country_iso3")
            .required(PrimitiveTypeName.INT32).named("year")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("indicator")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("iccs_code")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("dimension")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("category")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("sex")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("age")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("unit")
            .optional(PrimitiveTypeName.DOUBLE).named("value")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("obs_status")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("flag")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("note")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("source")
            .required(PrimitiveTypeName.INT64).named("source_line")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("source_cell")
            .named("staged_observation");

    /** Columns whose values are nearly all different, so dictionary encoding them only costs time. */
    public static final String[] UNIQUE_COLUMNS = {"value", "source_line"};

    private RecordConsumer out;

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(SCHEMA, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(SCHEMA, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Observation o) {
        out.startMessage();
        string(0, "country_iso3", o.countryIso3());
        out.startField("year", 1);
        out.addInteger(o.year());
        out.endField("year", 1);
        string(2, "indicator", o.indicator());
        string(3, "iccs_code", o.iccsCode());
        string(4, "dimension", o.dimension());
        string(5, "category", o.category());
        string(6, "sex", o.sex().code());
        string(7, "age", o.age());
        string(8, "unit", o.unit().name());
        if (o.value() != null) {
            out.startField("value", 9);
            out.addDouble(o.value());
            out.endField("value", 9);
        }
        string(10, "obs_status", o.status().name());
        string(11, "flag", o.flag());
        string(12, "note", o.note());
        string(13, "source", o.source());
        out.startField("source_line", 14);
        out.addLong(o.provenance().line());
        out.endField("source_line", 14);
        string(15, "source_cell", o.provenance().cell());
        out.endMessage();
    }

    private void string(int index, String name, String value) {
        if (value != null) {
            out.startField(name, index);
            out.addBinary(Binary.fromString(value));
            out.endField(name, index);
        }
    }
}
