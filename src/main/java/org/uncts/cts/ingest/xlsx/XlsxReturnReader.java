package org.uncts.cts.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.Comments;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.ingest.ReturnReader;
import org.uncts.cts.ingest.xlsx.QuestionnaireTemplate.Block;
import org.uncts.cts.ingest.xlsx.QuestionnaireTemplate.CellAt;
import org.uncts.cts.ingest.xlsx.QuestionnaireTemplate.Labels;
import org.uncts.cts.model.Provenance;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.model.RawObservation.ReadProblem;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the observations of an Excel (.xlsx) return through POI's event API: sheet XML is
 * parsed with SAX as it is inflated, never loaded as a workbook. The sheets a template names are
 * read twice: a check pass on opening (zip limits, XML, the country cell, merged cells) so that a
 * broken file stops before anything runs, then the reading pass on a producer thread that hands
 * rows over through a small bounded queue, so memory holds one row of cells and a few
 * observations whatever the sheet's size.
 *
 * <p>Cells are named "Sheet!D12" in every problem and raw text; the provenance line is the Excel
 * row. Rules (blank cells, footnotes, comments, merged, formula and date cells): docs/input-formats.md.
 */
public final class XlsxReturnReader implements ReturnReader {

    /** The format of an Excel return, as the runs dataset records it. */
    public static final String FORMAT = "xlsx";
    /** A part may inflate at most 100 times its compressed size (POI's ratio 0.01), else it is a zip bomb. */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** No part (a sheet's XML) may inflate beyond 256 MiB: about two million rows of a wide table. */
    public static final long MAX_ENTRY_BYTES = 256L << 20;
    /** Merged regions kept per sheet; a questionnaire has a few dozen. */
    static final int MAX_MERGED_REGIONS = 10_000;
    private static final int QUEUE_ROWS = 256;
    private static final String DATE = "\u0000date:";

    static {
        // explicit, so that a changed POI default cannot loosen them; process-wide, as POI keeps them
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private final InputFile file;
    private final String displayName;
    private final String templateName;
    private final QuestionnaireTemplate template;
    private final List<Block> blocks;
    private final OPCPackage pkg;
    private final XSSFReader xssf;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    /** The country cell's text (or the template's code), and where it came from. */
    private String country;
    private String countryWhere;
    /** Merged regions of each sheet read, from the check pass. */
    private final Map<String, List<CellRangeAddress>> merged = new HashMap<>();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
    private static final Object END = new Object();
    private volatile boolean closed;
    private boolean done;
    private Thread producer;

    /** What the producer hands over when the file turns out broken halfway. */
    private record Failure(RuntimeException error) {
    }

    /** Thrown inside the SAX handlers to stop a pass once the reader is closed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * @param templateFile the template as the job spec names it, for messages
     * @throws ReturnFormatException naming the file (and sheet, cell or limit) when it cannot be read
     */
    public XlsxReturnReader(InputFile file, String displayName, QuestionnaireTemplate template, String templateFile) {
        this.file = file;
        this.displayName = displayName;
        this.template = template;
        this.templateName = templateFile;
        this.blocks = template.blocks();
        String part = "the workbook";
        try {
            pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw fileError(e, part);
        }
        try {
            xssf = new XSSFReader(pkg);
            part = "the shared strings";
            strings = new ReadOnlySharedStringsTable(pkg, false);
            part = "the styles";
            styles = xssf.getStylesTable();
            part = "the list of sheets";
            List<String> names = sheetNames();
            for (String s : template.sheets()) {
                if (!names.contains(s)) {
                    throw new ReturnFormatException(displayName + ": has no sheet '" + s + "', which the questionnaire template "
                            + templateName + " reads. Its sheets are: " + String.join(", ", names)
                            + ". Use the questionnaire's own workbook, or a template made for this one.");
                }
            }
            checkPass();
        } catch (RuntimeException | IOException | org.apache.poi.openxml4j.exceptions.OpenXML4JException | SAXException e) {
            pkg.revert();
            throw e instanceof ReturnFormatException r ? r : fileError(e, part);
        }
        producer = new Thread(this::produce, "xlsx-" + file.path().getFileName());
        producer.setDaemon(true);
        producer.start();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public RawObservation next() {
        if (done) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + displayName, e);
        }
        if (o == END) {
            done = true;
            return null;
        }
        if (o instanceof Failure f) {
            done = true;
            throw f.error();
        }
        return (RawObservation) o;
    }

    @Override
    public void close() {
        closed = true;
        if (producer != null) {
            queue.clear(); // unblocks a producer waiting for room; it then sees `closed`
            try {
                producer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
        pkg.revert(); // read-only: nothing to save
    }

    // ---------------------------------------------------------------- passes

    private List<String> sheetNames() throws IOException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        List<String> names = new ArrayList<>();
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) xssf.getSheetsData();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                names.add(it.getSheetName());
            }
        }
        return names;
    }

    /** Reads each template sheet once, keeping only merged regions and the country cell: finds what breaks a file early. */
    private void checkPass() throws IOException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        CellAt countryCell = template.countryCell();
        Set<String> wanted = new HashSet<>(template.sheets());
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) xssf.getSheetsData();
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                String sheet = it.getSheetName();
                if (!wanted.contains(sheet)) {
                    continue; // other sheets, hidden or not, are not read at all
                }
                List<CellRangeAddress> regions = new ArrayList<>();
                merged.put(sheet, regions);
                parse(in, sheet, null, new Cells() {
                    @Override
                    void cell(int row, int col, CellValue v) {
                        if (countryCell != null && countryCell.sheet().equals(sheet) && countryCell.row() == row
                                && countryCell.col() == col) {
                            country = v.text();
                            if (v.problem() != null) {
                                throw new ReturnFormatException(displayName + ": " + v.problem()
                                        + " It is the country cell of the questionnaire template " + templateName + ".");
                            }
                        }
                    }

                    @Override
                    void merged(CellRangeAddress region) {
                        if (regions.size() >= MAX_MERGED_REGIONS) {
                            throw new ReturnFormatException(displayName + ": sheet '" + sheet + "' has more than "
                                    + MAX_MERGED_REGIONS + " merged regions; a questionnaire has a few. Unmerge them.");
                        }
                        regions.add(region);
                    }
                });
            }
        }
        if (countryCell == null) {
            country = template.country().code().strip();
            countryWhere = "template " + templateName;
        } else {
            countryWhere = countryCell.toString();
            if (country == null || country.isBlank()) {
                throw new ReturnFormatException(displayName + ": the country cell " + countryCell + " is blank. Type the"
                        + " country's ISO3 code (e.g. NZL) or name there; the questionnaire template " + templateName
                        + " reads the country from it.");
            }
            country = country.strip();
        }
    }

    /** The reading pass, on the producer thread: one sheet after the other, rows as they are parsed. */
    private void produce() {
        try {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) xssf.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String sheet = it.getSheetName();
                    List<Block> onSheet = blocks.stream().filter(b -> b.table().sheet().equals(sheet)).toList();
                    if (!onSheet.isEmpty()) {
                        parse(in, sheet, it.getSheetComments(), new SheetRows(sheet, onSheet, merged.get(sheet)));
                    }
                }
            }
            put(END);
        } catch (Stopped e) {
            // closed before the end: nobody is waiting
        } catch (Exception e) {
            try {
                put(new Failure(e instanceof ReturnFormatException r ? r : fileError(e, "a sheet")));
            } catch (Stopped ignored) {
                // closed meanwhile
            }
        }
    }

    private void put(Object o) {
        try {
            while (!queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /** Parses one sheet's XML with POI's handler, refusing any DOCTYPE (so no entity can be declared, let alone resolved). */
    private void parse(InputStream in, String sheet, Comments comments, Cells sink) {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            // Excel never writes a DOCTYPE; refusing it rules out external and expanding entities outright
            xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Handler handler = new Handler(styles, comments, strings, sink);
            sink.handler = handler;
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        } catch (ReturnFormatException | Stopped e) {
            throw e;
        } catch (Exception e) {
            throw fileError(e, "sheet '" + sheet + "'");
        }
    }

    /** A POI, zip or XML failure as a message naming the file, the part and, for a zip bomb, the limit. */
    private ReturnFormatException fileError(Throwable e, String part) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReturnFormatException r) {
                return r;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("ZipSecureFile")) {
                String limit = m.contains("ratio")
                        ? "the minimum inflate ratio " + MIN_INFLATE_RATIO + " (a part may expand at most "
                                + Math.round(1 / MIN_INFLATE_RATIO) + " times its compressed size)"
                        : "the maximum entry size of " + MAX_ENTRY_BYTES + " bytes (" + (MAX_ENTRY_BYTES >> 20) + " MiB)";
                return new ReturnFormatException(displayName + ": " + part + " exceeds " + limit
                        + " and is refused as a possible zip bomb. Save the workbook again from Excel, or split it.");
            }
            if (m.contains("DOCTYPE")) {
                return new ReturnFormatException(displayName + ": " + part + " has an XML DOCTYPE declaration, which Excel"
                        + " never writes; it is refused (XML entities are never resolved). Save the workbook again from Excel.");
            }
        }
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cause.length() > 300) {
            cause = cause.substring(0, 300) + "...";
        }
        return new ReturnFormatException(displayName + ": cannot read " + part + " as an Excel .xlsx workbook (" + cause
                + "). Open it in Excel and save it as an Excel Workbook (.xlsx).");
    }

    // ---------------------------------------------------------------- cells

    /**
     * A cell as read: its text (numbers as Excel shows them in General format), or a problem that
     * makes its figure a rejected row.
     */
    record CellValue(String ref, String text, String formula, String problem, String comment) {
        boolean blank() {
            return (text == null || text.isBlank()) && problem == null;
        }
    }

    /** Receives the cells of a sheet, row by row. */
    private abstract static class Cells {
        Handler handler;

        void startRow(int row) {
        }

        abstract void cell(int row, int col, CellValue v);

        void endRow(int row) {
        }

        void merged(CellRangeAddress region) {
        }
    }

    /** Numbers in Excel's General form, dates marked (with the date) so they are never taken for figures. */
    private static final class RawNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                var dt = DateUtil.getLocalDateTime(value);
                return DATE + (dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? dt.toLocalDate().toString() : dt.toString());
            }
            return NumberToTextConverter.toText(value);
        }
    }

    /**
     * POI's sheet handler, also noting what its callbacks do not say: formulas (and whether a
     * cached value followed), error cells, and merged regions.
     */
    private final class Handler extends XSSFSheetXMLHandler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Cells sink;
        private String ref;
        private String type;
        private boolean inFormula;
        private boolean hasFormula;
        private boolean sawValue;
        private final StringBuilder formula = new StringBuilder();
        private int row = -1;

        Handler(StylesTable styles, Comments comments, ReadOnlySharedStringsTable strings, Cells sink) {
            this(styles, comments, strings, sink, new Forward());
        }

        private Handler(StylesTable styles, Comments comments, ReadOnlySharedStringsTable strings, Cells sink, Forward fwd) {
            super(styles, comments, strings, fwd, new RawNumbers(), false);
            this.sink = sink;
            fwd.to = this;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (closed) {
                throw new Stopped();
            }
            switch (localName) {
                case "c" -> {
                    ref = atts.getValue("r");
                    type = atts.getValue("t");
                    inFormula = false;
                    hasFormula = false;
                    sawValue = false;
                    formula.setLength(0);
                }
                case "f" -> {
                    inFormula = true;
                    hasFormula = true;
                }
                case "v" -> sawValue = true;
                case "mergeCell" -> {
                    String r = atts.getValue("ref");
                    if (r != null) {
                        sink.merged(CellRangeAddress.valueOf(r));
                    }
                }
                default -> {
                }
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inFormula) {
                formula.append(ch, start, length);
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("f".equals(localName)) {
                inFormula = false;
            }
            super.endElement(uri, localName, qName);
            if ("c".equals(localName) && hasFormula && !sawValue && ref != null) {
                // POI reports no cell for a formula without a cached result: say so rather than lose it
                int[] rc = XlsxCells.parse(ref);
                sink.cell(rc[0], rc[1], new CellValue(ref, null, formula.toString(), "a formula (=" + (formula.isEmpty() ? "shared formula" : formula)
                        + ") without a stored result; the pipeline never evaluates formulas. Open the workbook in Excel"
                        + " and save it (Excel stores the result), or type the figure.", null));
            }
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            sink.startRow(rowNum);
        }

        @Override
        public void endRow(int rowNum) {
            sink.endRow(rowNum);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference == null) {
                return;
            }
            int[] rc = XlsxCells.parse(cellReference);
            String text = formattedValue;
            String problem = null;
            boolean isFormula = hasFormula && cellReference.equals(ref);
            if (text != null && cellReference.equals(ref) && "e".equals(type)) {
                problem = "an Excel error " + text.replaceFirst("^ERROR:", "") + (isFormula ? " (=" + formula + ")" : "")
                        + ", not a figure.";
                text = null;
            } else if (text != null && text.startsWith(DATE)) {
                problem = "a date (" + text.substring(DATE.length()) + "), not a year/number. Format the cell as Number"
                        + " and type the figure (or the year).";
                text = null;
            }
            String note = comment == null || comment.getString() == null ? null
                    : Footnotes.commentText(comment.getString().getString(), comment.getAuthor());
            if (rc[0] != row && text == null && problem == null) {
                // a comment on a blank cell of a row already passed: POI reports it late; such cells hold no figure
                return;
            }
            sink.cell(rc[0], rc[1], new CellValue(cellReference, text, isFormula ? formula.toString() : null, problem, note));
        }
    }

    /** POI wants its contents handler at construction, before the handler itself exists. */
    private static final class Forward implements XSSFSheetXMLHandler.SheetContentsHandler {
        Handler to;

        @Override
        public void startRow(int rowNum) {
            to.startRow(rowNum);
        }

        @Override
        public void endRow(int rowNum) {
            to.endRow(rowNum);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            to.cell(cellReference, formattedValue, comment);
        }
    }

    // ---------------------------------------------------------------- rows

    /** The reading pass of one sheet: a row's cells are kept until the row ends, then turned into observations. */
    private final class SheetRows extends Cells {
        private final String sheet;
        private final List<Block> onSheet;
        /** Merged regions that touch a label column, and the text of their top-left cells as rows pass. */
        private final List<CellRangeAddress> labelMerges = new ArrayList<>();
        private final Map<Long, String> mergedText = new HashMap<>();
        /** Per block: the year of each value column (text), and a problem when the header cell is not a year. */
        private final Map<Block, String[]> years = new HashMap<>();
        private final Map<Block, String[]> yearProblems = new HashMap<>();
        private final Map<Integer, CellValue> cells = new LinkedHashMap<>();
        private boolean wanted;

        SheetRows(String sheet, List<Block> onSheet, List<CellRangeAddress> merges) {
            this.sheet = sheet;
            this.onSheet = onSheet;
            for (CellRangeAddress m : merges == null ? List.<CellRangeAddress>of() : merges) {
                for (Block b : onSheet) {
                    for (int c : b.labelColIndex()) {
                        if (c >= 0 && m.getFirstColumn() <= c && c <= m.getLastColumn()) {
                            labelMerges.add(m);
                        }
                    }
                }
            }
            for (Block b : onSheet) {
                if (b.givenYears() != null) {
                    years.put(b, b.givenYears().stream().map(String::valueOf).toArray(String[]::new));
                    yearProblems.put(b, new String[b.valueCols().size()]);
                }
            }
        }

        @Override
        void startRow(int row) {
            cells.clear();
            wanted = onSheet.stream().anyMatch(b -> b.headerRow() == row || b.covers(row))
                    || labelMerges.stream().anyMatch(m -> m.getFirstRow() == row);
        }

        @Override
        void cell(int row, int col, CellValue v) {
            if (wanted) {
                cells.put(col, v);
            }
        }

        @Override
        void endRow(int row) {
            if (!wanted) {
                return;
            }
            for (CellRangeAddress m : labelMerges) {
                if (m.getFirstRow() == row) {
                    CellValue v = cells.get(m.getFirstColumn());
                    mergedText.put(key(m.getFirstRow(), m.getFirstColumn()), v == null ? null : v.text());
                }
            }
            for (Block b : onSheet) {
                if (b.headerRow() == row) {
                    readYears(b, row);
                }
                if (b.covers(row)) {
                    rowObservations(b, row);
                }
            }
            cells.clear();
        }

        private void readYears(Block b, int row) {
            String[] ys = new String[b.valueCols().size()];
            String[] problems = new String[ys.length];
            for (int i = 0; i < ys.length; i++) {
                int col = b.valueCols().get(i);
                CellValue v = cells.get(col);
                String where = XlsxCells.name(sheet, row, col);
                if (v != null && v.problem() != null) {
                    problems[i] = "the year header " + where + " is " + v.problem();
                } else if (v == null || v.blank()) {
                    problems[i] = "the year header " + where + " is blank; type the year (e.g. 2019) there.";
                } else if (!v.text().strip().matches("(19|20)[0-9]{2}")) {
                    problems[i] = "the year header " + where + " '" + v.text().strip() + "' is not a year such as 2019.";
                } else {
                    ys[i] = v.text().strip();
                }
            }
            years.put(b, ys);
            yearProblems.put(b, problems);
        }

        private void rowObservations(Block b, int row) {
            String[] ys = years.get(b);
            String[] yProblems = yearProblems.get(b);
            Labels fromColumns = labelsFromColumns(b, row);
            Labels given = b.rows() == null ? Labels.NONE : b.rows().get(row);
            Labels labels = given.over(fromColumns).over(b.defaults());
            CellValue rowNote = b.footnoteCol() < 0 ? null : cells.get(b.footnoteCol());
            boolean noLabels = b.rows() == null && b.labelCols() != Labels.NONE && fromColumns.all().stream().allMatch(x -> x == null);
            for (int i = 0; i < b.valueCols().size(); i++) {
                int col = b.valueCols().get(i);
                CellValue v = cells.get(col);
                CellValue foot = b.footnoteCols() == null ? null : cells.get(b.footnoteCols().get(i));
                boolean hasValue = v != null && !v.blank();
                boolean hasFoot = foot != null && !foot.blank() || v != null && v.comment() != null
                        || foot != null && foot.comment() != null;
                if (!hasValue && !hasFoot) {
                    continue; // a blank cell is no observation; ".." is one
                }
                String where = XlsxCells.name(sheet, row, col);
                // each problem with the field it is in: the value cell, the year (header) cell, or none (labels)
                ReadProblem problem = null;
                if (v != null && v.problem() != null) {
                    problem = ReadProblem.add(problem, "value", where + ": " + v.problem());
                }
                if (ys == null) {
                    problem = ReadProblem.add(problem, "year", where + ": no year: the template's header_row "
                            + (b.headerRow() + 1) + " was not found on sheet '" + sheet + "'.");
                } else if (yProblems[i] != null) {
                    problem = ReadProblem.add(problem, "year", where + ": " + yProblems[i]);
                }
                if (noLabels) {
                    problem = ReadProblem.add(problem, null, where + ": the row has no labels in its label columns ("
                            + String.join(", ", b.labelCols().all().stream().filter(x -> x != null).toList())
                            + "); say what the row is, or clear its figures.");
                }
                List<Footnotes> notes = new ArrayList<>();
                if (foot != null) {
                    notes.add(Footnotes.of(foot.text()));
                    notes.add(Footnotes.of(foot.comment()));
                }
                if (v != null) {
                    notes.add(Footnotes.of(v.comment()));
                }
                if (rowNote != null) {
                    notes.add(Footnotes.of(rowNote.text()));
                }
                Footnotes f = Footnotes.join(notes);
                String value = v == null ? "" : v.text() == null ? "" : v.text().strip();
                String year = ys == null ? null : ys[i];
                String raw = rawText(where, v, year, ys == null || b.headerRow() < 0 ? null : XlsxCells.name(sheet, b.headerRow(), col),
                        labels, foot, rowNote);
                // the line is the Excel row; the value cell (source_cell) says which figure of the row
                put(new RawObservation(new Provenance(displayName, row + 1L, file.sha256(), where), country, year, labels.indicator(),
                        labels.iccsCode(), labels.dimension(), labels.category(), labels.sex(), labels.age(), labels.unit(),
                        value, f.flag(), f.note(), null, () -> raw, problem));
            }
        }

        /** The row's labels from the label columns; a blank cell inside a merged region takes the region's top-left text. */
        private Labels labelsFromColumns(Block b, int row) {
            String[] l = new String[7];
            for (int i = 0; i < 7; i++) {
                int col = b.labelColIndex()[i];
                if (col < 0) {
                    continue;
                }
                CellValue v = cells.get(col);
                String text = v == null || v.blank() || v.text() == null ? null : v.text().strip();
                if (text == null) {
                    for (CellRangeAddress m : labelMerges) {
                        if (m.isInRange(row, col)) {
                            text = mergedText.get(key(m.getFirstRow(), m.getFirstColumn()));
                            text = text == null || text.isBlank() ? null : text.strip();
                            break;
                        }
                    }
                }
                l[i] = text;
            }
            return new Labels(l[0], l[1], l[2], l[3], l[4], l[5], l[6]);
        }

        /** The cells a figure came from, as a person would look them up. */
        private String rawText(String where, CellValue v, String year, String yearCell, Labels labels, CellValue foot, CellValue rowNote) {
            StringBuilder sb = new StringBuilder(where).append('=');
            sb.append(v == null || v.text() == null ? "" : v.text());
            if (v != null && v.formula() != null) {
                sb.append(" (=").append(v.formula()).append(')');
            }
            sb.append("; year ").append(year == null ? "?" : year);
            if (yearCell != null) {
                sb.append(" (").append(yearCell).append(')');
            }
            sb.append("; country ").append(country).append(" (").append(countryWhere).append(')');
            sb.append("; ").append(String.join(" | ", labels.all().stream().map(x -> x == null ? "" : x).toList()));
            if (foot != null && foot.text() != null) {
                sb.append("; footnote ").append(foot.ref()).append('=').append(foot.text());
            }
            if (rowNote != null && rowNote.text() != null) {
                sb.append("; footnote ").append(rowNote.ref()).append('=').append(rowNote.text());
            }
            if (v != null && v.comment() != null) {
                sb.append("; comment ").append(v.comment());
            }
            return sb.toString();
        }

        private static long key(int row, int col) {
            return ((long) row << 20) | col;
        }
    }
}
