package org.uncts.cts.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.uncts.cts.exchange.SdmxDataflow;
import org.uncts.cts.model.RawObservation;

/**
 * What is particular to reading an SDMX-CSV file (1.0 or 2.0) of the UN-CTS observations
 * dataflow as a return: the header must hold only columns of that dataflow; with labels
 * ("REF_AREA: Reference area", "FRA: France") only the codes are read; and each row must be about
 * our dataflow, carry no delete action and be annual. Rows failing those checks are rejected with
 * the reason (never dropped), through the row's read problem.
 */
final class SdmxCsvRows {

    /** The columns that say which structure a row belongs to and what to do with it. */
    private static final Set<String> CONTROL = Set.of("dataflow", "structure", "structure_id", "structure_name", "action");
    /** Free text and numbers: never "CODE: Label", so never cut at ": ". */
    private static final Set<String> NOT_CODED = Set.of("obs_value", "comment_obs", "comment", "source_detail", "structure_name");

    private static final SdmxDataflow FLOW = SdmxDataflow.OBSERVATIONS;

    private final String file;
    private final boolean version1;
    private final boolean labelled;
    private final boolean[] coded;
    private final int dataflow;
    private final int structure;
    private final int structureId;
    private final int action;
    private final int freq;

    private SdmxCsvRows(String file, boolean version1, boolean labelled, boolean[] coded, Map<String, Integer> at) {
        this.file = file;
        this.version1 = version1;
        this.labelled = labelled;
        this.coded = coded;
        this.dataflow = at.getOrDefault("dataflow", -1);
        this.structure = at.getOrDefault("structure", -1);
        this.structureId = at.getOrDefault("structure_id", -1);
        this.action = at.getOrDefault("action", -1);
        this.freq = at.getOrDefault("freq", -1);
    }

    /** True for the first columns of SDMX-CSV: DATAFLOW (1.0), or STRUCTURE and STRUCTURE_ID (2.0). Names as {@link #code}s, lower case. */
    static boolean isSdmxHeader(List<String> names) {
        return !names.isEmpty() && (names.get(0).equals("dataflow")
                || (names.contains("structure") && names.contains("structure_id")));
    }

    /** The code of a cell that may be "CODE: Label": the part before the first ": ", stripped. */
    static String code(String cell) {
        if (cell == null) {
            return null;
        }
        int at = cell.indexOf(": ");
        return (at < 0 ? cell : cell.substring(0, at)).strip();
    }

    /**
     * Checks an SDMX-CSV header against the observations dataflow.
     *
     * @throws ReturnFormatException naming the file, the header line and the column, when a column
     *                               is not one of the dataflow's, appears twice, or a required one is missing
     */
    static SdmxCsvRows of(String file, long headerLine, List<String> headerCells) {
        Set<String> known = new LinkedHashSet<>(CONTROL);
        FLOW.columns().forEach(c -> known.add(c.id().toLowerCase(Locale.ROOT)));
        known.add("comment"); // what people often call COMMENT_OBS
        Map<String, Integer> at = new HashMap<>();
        boolean[] coded = new boolean[headerCells.size()];
        boolean labelled = false;
        for (int i = 0; i < headerCells.size(); i++) {
            String cell = headerCells.get(i) == null ? "" : headerCells.get(i).strip();
            labelled |= cell.contains(": ");
            String id = code(cell);
            String name = id.toLowerCase(Locale.ROOT);
            String where = file + ", line " + headerLine + ", field " + (id.isEmpty() ? "#" + (i + 1) : id) + ": ";
            if (!known.contains(name)) {
                throw new ReturnFormatException(where + (id.isEmpty() ? "a column has no name" : "'" + id + "' is not a column")
                        + " of the UN-CTS observations dataflow " + FLOW.ref() + ". Its columns are "
                        + String.join(", ", expectedColumns()) + " (docs/sdmx.md)." + foreignHint(name)
                        + " Remove or rename the column.");
            }
            if (at.putIfAbsent(name, i) != null) {
                throw new ReturnFormatException(where + "the column " + id + " appears twice (columns " + (at.get(name) + 1)
                        + " and " + (i + 1) + "); keep one.");
            }
            coded[i] = !NOT_CODED.contains(name);
        }
        for (String required : ReturnLayout.SDMX_CSV.requiredColumns()) {
            if (!at.containsKey(required)) {
                String id = required.toUpperCase(Locale.ROOT);
                throw new ReturnFormatException(file + ", line " + headerLine + ", field " + id + ": the SDMX-CSV header has no "
                        + id + " column. Rows of " + FLOW.ref() + " need at least REF_AREA, INDICATOR, TIME_PERIOD and OBS_VALUE"
                        + " (docs/sdmx.md).");
            }
        }
        boolean version1 = at.containsKey("dataflow") && at.get("dataflow") == 0;
        return new SdmxCsvRows(file, version1, labelled, coded, at);
    }

    private static List<String> expectedColumns() {
        List<String> cols = new ArrayList<>(List.of(SdmxDataflow.STRUCTURE, SdmxDataflow.STRUCTURE_ID, SdmxDataflow.ACTION));
        FLOW.columns().forEach(c -> cols.add(c.id()));
        cols.add("(SDMX-CSV 1.0: " + SdmxDataflow.DATAFLOW + " instead of the first three)");
        return cols;
    }

    /** Says so when the column is one of the indicators dataflow, the other file we publish. */
    private static String foreignHint(String name) {
        boolean indicatorColumn = SdmxDataflow.INDICATORS.columns().stream()
                .anyMatch(c -> c.id().equalsIgnoreCase(name))
                && FLOW.columns().stream().noneMatch(c -> c.id().equalsIgnoreCase(name));
        return indicatorColumn ? " This looks like a file of derived indicators (" + SdmxDataflow.INDICATORS.ref()
                + "): indicators are computed from observations and cannot be read as a return." : "";
    }

    /** 1.0 (a DATAFLOW column first) or 2.0 (STRUCTURE and STRUCTURE_ID). */
    String version() {
        return version1 ? "1.0" : "2.0";
    }

    /** A cell as the reader keeps it: the code alone for coded columns of a file with labels. */
    String value(int column, String cell) {
        return labelled && column < coded.length && coded[column] ? code(cell) : cell;
    }

    /**
     * Why a data row cannot be read as an observation of ours (another structure, a delete action,
     * a frequency other than annual), each reason naming the file, line and field; null when none.
     * The problem's field is the SDMX column of the first reason (DATAFLOW, STRUCTURE, STRUCTURE_ID,
     * ACTION or FREQ), so rejected_rows says which column to fix.
     */
    RawObservation.ReadProblem problems(CSVRecord record, long line) {
        RawObservation.ReadProblem problems = null;
        if (version1) {
            String ref = cell(record, dataflow);
            if (!FLOW.isReferencedBy(ref, false)) {
                problems = add(problems, line, SdmxDataflow.DATAFLOW, notOurs(ref));
            }
        } else {
            String kind = cell(record, structure);
            String ref = cell(record, structureId);
            boolean dataflowRef = kind.equalsIgnoreCase("dataflow");
            if (!dataflowRef && !kind.equalsIgnoreCase("datastructure")) {
                problems = add(problems, line, SdmxDataflow.STRUCTURE, "'" + kind + "' is not a structure a return can refer to:"
                        + " write dataflow (with STRUCTURE_ID " + FLOW.ref() + ").");
            } else if (!FLOW.isReferencedBy(ref, !dataflowRef)) {
                problems = add(problems, line, SdmxDataflow.STRUCTURE_ID, notOurs(ref));
            }
        }
        String act = cell(record, action).toUpperCase(Locale.ROOT);
        if (act.equals("D")) {
            problems = add(problems, line, SdmxDataflow.ACTION, "'" + cell(record, action) + "' (delete) is not accepted in a return:"
                    + " a return gives figures, it cannot withdraw published ones. Remove the row; to withdraw a"
                    + " published figure, write to the UN-CTS team.");
        } else if (!act.isEmpty() && !act.equals("I") && !act.equals("A") && !act.equals("R")) {
            problems = add(problems, line, SdmxDataflow.ACTION, "'" + cell(record, action) + "' is not an SDMX-CSV action:"
                    + " use I (information), A (append), R (replace), or leave it blank.");
        }
        String f = cell(record, freq);
        if (!f.isEmpty() && !f.equalsIgnoreCase(SdmxDataflow.ANNUAL)) {
            problems = add(problems, line, SdmxDataflow.FREQ, "'" + f + "' is not annual: UN-CTS figures are annual, so FREQ must be A."
                    + " Give the figure for the whole year.");
        }
        return problems;
    }

    /** The problems so far and one more, in {@code field}, its message naming the file, line and field. */
    private RawObservation.ReadProblem add(RawObservation.ReadProblem problems, long line, String field, String text) {
        return RawObservation.ReadProblem.add(problems, field, file + ", line " + line + ", field " + field + ": " + text);
    }

    private static String notOurs(String ref) {
        if (ref.isEmpty()) {
            return "blank; every row must name the UN-CTS observations dataflow " + FLOW.ref() + ".";
        }
        if (SdmxDataflow.referencedBy(ref).orElse(null) == SdmxDataflow.INDICATORS) {
            return "'" + ref + "' is the UN-CTS derived indicators dataflow: indicators are computed from observations"
                    + " and cannot be read as a return. Remove the row.";
        }
        return "'" + ref + "' is not the UN-CTS observations dataflow " + FLOW.ref() + ": the row belongs to another"
                + " dataset and cannot be read as a return. Remove the row, or give it as " + FLOW.ref() + ".";
    }

    /** A cell's code (labels dropped), stripped; "" for an absent column or cell. */
    private String cell(CSVRecord record, int column) {
        if (column < 0 || column >= record.size()) {
            return "";
        }
        String v = value(column, record.get(column).strip());
        return v == null ? "" : v;
    }
}
