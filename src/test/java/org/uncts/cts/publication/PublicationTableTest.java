package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uncts.cts.publication.PublicationTable.ColumnGroup;

class PublicationTableTest {

    @Test
    void columnGroupsAreRunsOfAdjacentColumns() {
        PublicationTable grouped = SampleTables.grouped();
        assertTrue(grouped.hasColumnGroups());
        assertEquals(List.of(new ColumnGroup("Victims (count)", 0, 2), new ColumnGroup(null, 2, 1)),
                grouped.columnGroups());
        PublicationTable tiny = SampleTables.tiny();
        assertFalse(tiny.hasColumnGroups());
        assertEquals(List.of(new ColumnGroup(null, 0, 2)), tiny.columnGroups());
    }

    @Test
    void aDataRowMustHaveOneCellPerColumn() {
        List<TableRow> rows = List.of(new TableRow(TableRow.Kind.COUNTRY, 0, "Egypt", "EGY",
                List.of(TableCell.missing(List.of()))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PublicationTable("t", "T",
                null, "Country", List.of(new TableColumn("2020", null), new TableColumn("2021", null)), rows,
                List.of(), List.of(), null));
        assertTrue(e.getMessage().contains("Egypt"), e.getMessage());
    }

    @Test
    void sourceLineCarriesTheLabelOnce() {
        assertEquals("Source: UN-CTS 2025.", SampleTables.tiny().sourceLine());
        PublicationTable labelled = new PublicationTable("t", "T", null, "Country", List.of(), List.of(), List.of(),
                List.of(), "Source: UN-CTS.");
        assertEquals("Source: UN-CTS.", labelled.sourceLine());
        assertNull(new PublicationTable("t", "T", null, "Country", List.of(), List.of(), List.of(), List.of(), null)
                .sourceLine());
    }

    @Test
    void footnoteAndMarkerTexts() {
        assertEquals("(e) Estimate.", new Footnote("e", "Estimate.").line());
        assertEquals("All figures are counts.", new Footnote(null, "All figures are counts.").line());
        assertEquals("1,234.5 (e,b)", TableCell.number(1234.5, 1, List.of("e", "b")).formattedWithMarkers());
        assertEquals("..", TableCell.missing(List.of()).formattedWithMarkers());
        assertEquals("Victims (count) – Male", new TableColumn("Male", "Victims (count)").qualifiedHeader());
    }
}
