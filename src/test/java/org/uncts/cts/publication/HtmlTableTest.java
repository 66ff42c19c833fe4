package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlTableTest {

    private static Document page(PublicationTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFormat.HTML.write(table, out);
        return Jsoup.parse(out.toString(StandardCharsets.UTF_8));
    }

    private static Element row(Document page, String label) {
        return page.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }

    @Test
    void titleSubtitleAndGroupedHeader() throws IOException {
        Document page = page(SampleTables.grouped());
        assertEquals("Intentional homicide victims, by country, 2020-2021", page.title());
        assertEquals("Intentional homicide victims, by country, 2020-2021", page.selectFirst("h1").text());
        assertEquals("Count of victims; change in per cent", page.selectFirst("p.subtitle").text());

        Elements headerRows = page.select("table thead tr");
        assertEquals(2, headerRows.size());
        Elements top = headerRows.get(0).select("th");
        assertEquals(List.of("Region / country or area", "Victims (count)", "Change (%)"), top.eachText());
        assertEquals("2", top.get(0).attr("rowspan"), "the stub header spans both rows");
        assertEquals("2", top.get(1).attr("colspan"));
        assertEquals("colgroup", top.get(1).attr("scope"));
        assertEquals("2", top.get(2).attr("rowspan"), "a column outside any group spans both rows");
        assertEquals(List.of("2020", "2021"), headerRows.get(1).select("th").eachText());
    }

    @Test
    void ungroupedTableHasOneHeaderRow() throws IOException {
        Document page = page(SampleTables.tiny());
        Elements headerRows = page.select("table thead tr");
        assertEquals(1, headerRows.size());
        assertEquals(List.of("Country", "2020", "2021"), headerRows.get(0).select("th").eachText());
        assertFalse(headerRows.get(0).select("th").get(0).hasAttr("rowspan"));
    }

    @Test
    void figuresRightAlignedWithMarkersAsSuperscripts() throws IOException {
        Document page = page(SampleTables.grouped());
        Element egypt = row(page, "Egypt");
        Element label = egypt.selectFirst("th");
        assertEquals("row", label.attr("scope"));
        assertTrue(label.hasClass("level-2"));
        Elements cells = egypt.select("td");
        assertEquals(3, cells.size());
        assertTrue(cells.get(0).hasClass("num"));
        assertEquals("1,234,568", cells.get(0).selectFirst("span").text());
        assertEquals("e", cells.get(0).selectFirst("sup").text());
        assertTrue(cells.get(1).hasClass("na"));
        assertEquals("..", cells.get(1).text());
        assertTrue(cells.get(1).select("sup").isEmpty(), "no markers, no sup");
        assertEquals("-3.3", cells.get(2).selectFirst("span").text());
        assertEquals("b", cells.get(2).selectFirst("sup").text());
        assertEquals("e,1", row(page(SampleTables.tiny()), "A|B_c").select("td").get(1).selectFirst("sup").text());

        String css = page.selectFirst("style").data();
        assertTrue(css.contains("tabular-nums"));
        assertTrue(css.contains("text-align: right"));
    }

    @Test
    void headingRowsSpanTheTable() throws IOException {
        Document page = page(SampleTables.grouped());
        Element africa = page.selectFirst("tbody tr");
        assertTrue(africa.hasClass("heading"));
        assertEquals("4", africa.selectFirst("th").attr("colspan"));
        assertTrue(africa.select("td").isEmpty());
        assertTrue(row(page, "Northern Africa").hasClass("heading"));
        assertEquals("Northern Africa", page.selectFirst("tbody tr.aggregate th").text());
    }

    @Test
    void textIsEscaped() throws IOException {
        Document page = page(SampleTables.grouped());
        assertTrue(page.select("script").isEmpty(), "a label's <script> is text, not an element");
        assertEquals(SampleTables.INJECTED_SCRIPT, row(page, SampleTables.INJECTED_SCRIPT).selectFirst("th").text());
        assertTrue(HtmlTable.render(SampleTables.grouped()).contains("@x &lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void footnotesNotesAndSourceUnderTheTable() throws IOException {
        Document page = page(SampleTables.grouped());
        Elements footnotes = page.select("ul.footnotes li");
        assertEquals(List.of("e", "b", "1", "p"), footnotes.select("sup").eachText());
        assertEquals(List.of("Estimate.", "Break in series.", "Including attempts.", "Provisional."),
                footnotes.select("span").eachText());
        assertEquals("e", footnotes.get(0).selectFirst("sup").text());
        assertEquals("Estimate.", footnotes.get(0).selectFirst("span").text());
        assertEquals("Two dots (..) indicate that data are not available.", page.selectFirst("p.note").text());
        assertEquals("Source: UN-CTS 2025.", page.selectFirst("p.source").text());
    }

    @Test
    void selfContained() throws IOException {
        Document page = page(SampleTables.grouped());
        assertTrue(page.select("link, script, img, iframe, object").isEmpty());
        assertTrue(page.select("[src]").isEmpty());
        assertFalse(page.html().contains("http:") || page.html().contains("https:"), "nothing loaded from elsewhere");
    }
}
