package org.uncts.cts.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two SDMX dataflows cts-pipeline exchanges, with the columns of their SDMX-CSV files in
 * file order. The ids are part of the published interface (docs/sdmx.md): users' mappings and
 * loaders key on them, so they change only with a new version.
 */
public enum SdmxDataflow {

    /** Accepted observations, one per row of the {@code observations} dataset. */
    OBSERVATIONS("DF_UNCTS_OBS", "DSD_UNCTS_OBS", "observations", List.of(
            SdmxColumn.dimension("REF_AREA", "country_iso3"),
            SdmxColumn.dimension("INDICATOR", "indicator"),
            SdmxColumn.dimension("ICCS", "iccs_code"),
            SdmxColumn.dimension("BREAKDOWN", "dimension"),
            SdmxColumn.dimension("CATEGORY", "category"),
            SdmxColumn.dimension("SEX", "sex"),
            SdmxColumn.dimension("AGE", "age"),
            SdmxColumn.dimension("UNIT_MEASURE", "unit"),
            SdmxColumn.dimension("FREQ", "'A'"),
            SdmxColumn.time("TIME_PERIOD", "year"),
            SdmxColumn.measure("OBS_VALUE", "value"),
            SdmxColumn.attribute("OBS_STATUS", "obs_status"),
            SdmxColumn.attribute("COMMENT_OBS", "note"),
            SdmxColumn.attribute("SOURCE_DETAIL", "source"))),

    /** Derived indicators (rates, shares, SDG 16.1.1...), one per row of the {@code indicators} dataset. */
    INDICATORS("DF_UNCTS_IND", "DSD_UNCTS_IND", "indicators", List.of(
            SdmxColumn.dimension("REF_AREA", "country_iso3"),
            SdmxColumn.dimension("INDICATOR", "base_indicator"),
            SdmxColumn.dimension("FORMULA", "formula_id"),
            SdmxColumn.dimension("ICCS", "iccs_code"),
            SdmxColumn.dimension("BREAKDOWN", "dimension"),
            SdmxColumn.dimension("CATEGORY", "category"),
            SdmxColumn.dimension("SEX", "sex"),
            SdmxColumn.dimension("AGE", "age"),
            SdmxColumn.unitDimension("UNIT_MEASURE", "unit"),
            SdmxColumn.dimension("FREQ", "'A'"),
            SdmxColumn.time("TIME_PERIOD", "year"),
            SdmxColumn.measure("OBS_VALUE", "value"),
            SdmxColumn.attribute("OBS_STATUS", "obs_status"),
            SdmxColumn.attribute("COMMENT_OBS", "note"),
            SdmxColumn.numberAttribute("NUMERATOR", "numerator"),
            SdmxColumn.numberAttribute("DENOMINATOR", "denominator"),
            SdmxColumn.attribute("NUMERATOR_SOURCE", "numerator_series"),
            SdmxColumn.attribute("DENOMINATOR_SOURCE", "denominator_source")));

    /** The maintenance agency of the structures. */
    public static final String AGENCY = "UNODC";
    /** The version of both dataflows and their data structure definitions. */
    public static final String VERSION = "1.0";

    /** The SDMX-CSV 2.0 columns that come before the components: what the row is about and what to do with it. */
    public static final String STRUCTURE = "STRUCTURE";
    public static final String STRUCTURE_ID = "STRUCTURE_ID";
    public static final String ACTION = "ACTION";
    /** SDMX-CSV 2.0 with labels adds the structure's name after STRUCTURE_ID. */
    public static final String STRUCTURE_NAME = "STRUCTURE_NAME";
    /** The first column of SDMX-CSV 1.0 ("AGENCY:ID(VERSION)" of the dataflow). */
    public static final String DATAFLOW = "DATAFLOW";
    /** The frequency dimension: UN-CTS figures are annual. */
    public static final String FREQ = "FREQ";
    public static final String ANNUAL = "A";

    private final String id;
    private final String dsdId;
    private final String dataset;
    private final List<SdmxColumn> columns;

    SdmxDataflow(String id, String dsdId, String dataset, List<SdmxColumn> columns) {
        this.id = id;
        this.dsdId = dsdId;
        this.dataset = dataset;
        this.columns = columns;
    }

    /** The dataflow id, e.g. DF_UNCTS_OBS. */
    public String id() {
        return id;
    }

    /** "UNODC:DF_UNCTS_OBS(1.0)": the STRUCTURE_ID (2.0) or DATAFLOW (1.0) cell of every row. */
    public String ref() {
        return AGENCY + ":" + id + "(" + VERSION + ")";
    }

    /** "UNODC:DSD_UNCTS_OBS(1.0)": the data structure definition behind the dataflow. */
    public String dsdRef() {
        return AGENCY + ":" + dsdId + "(" + VERSION + ")";
    }

    /** The dataset (DuckDB view of a release) the rows come from. */
    public String dataset() {
        return dataset;
    }

    /** observations.sdmx.csv */
    public String fileName() {
        return dataset + ".sdmx.csv";
    }

    /** The components in file order (dimensions, OBS_VALUE, attributes), without STRUCTURE, STRUCTURE_ID, ACTION. */
    public List<SdmxColumn> columns() {
        return columns;
    }

    /** The SDMX-CSV 2.0 header: STRUCTURE, STRUCTURE_ID, ACTION, then the component ids. */
    public List<String> header20() {
        List<String> header = new java.util.ArrayList<>(List.of(STRUCTURE, STRUCTURE_ID, ACTION));
        columns.forEach(c -> header.add(c.id()));
        return List.copyOf(header);
    }

    /** The dataflow of a dataset name (observations, indicators), if it is one we export. */
    public static Optional<SdmxDataflow> ofDataset(String dataset) {
        String d = dataset == null ? "" : dataset.strip().toLowerCase(Locale.ROOT);
        for (SdmxDataflow f : values()) {
            if (f.dataset.equals(d)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * True when a structure reference ("AGENCY:ID(VERSION)") names this dataflow or, with
     * {@code dsd}, its data structure definition. SDMX 3.0 writes versions with three parts, so
     * 1.0.0 is taken as 1.0; agency and id are compared case-insensitively, as people type them.
     */
    public boolean isReferencedBy(String reference, boolean dsd) {
        if (reference == null) {
            return false;
        }
        String r = reference.replace(" ", "");
        for (String version : List.of(VERSION, VERSION + ".0")) {
            if (r.equalsIgnoreCase(AGENCY + ":" + (dsd ? dsdId : id) + "(" + version + ")")) {
                return true;
            }
        }
        return false;
    }

    /** The dataflow a structure reference names, if it is one of ours (used to say what a foreign row is). */
    public static Optional<SdmxDataflow> referencedBy(String reference) {
        for (SdmxDataflow f : values()) {
            if (f.isReferencedBy(reference, false) || f.isReferencedBy(reference, true)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
