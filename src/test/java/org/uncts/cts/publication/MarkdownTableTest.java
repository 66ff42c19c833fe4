package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void tinyTableIsExactlyAsDocumented() {
        String nbsp2 = "\u00A0\u00A0";
        String expected = """
                # Victims, 2020-2021

                Count

                | Country | 2020 | 2021 |
                | :--- | ---: | ---: |
                | **Africa** |  |  |
                | %1$sEgypt | 1,234.5 (e) | .. |
                | %1$sA\\|B\\_c | -3.3 | 2.0 (e,1) |

                (e) Estimate.

                (1) Including attempts.

                Two dots (..) indicate that data are not available.

                Source: UN-CTS 2025.
                """.formatted(nbsp2);
        assertEquals(expected, MarkdownTable.render(SampleTables.tiny()));
    }

    @Test
    void stubIsLeftAlignedAndEveryDataColumnRightAligned() {
        List<String> lines = MarkdownTable.render(SampleTables.grouped()).lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("| Region")).findFirst().orElseThrow());
        assertEquals("| Region / country or area | Victims (count) – 2020 | Victims (count) – 2021 | Change (%) |",
                lines.get(header));
        assertEquals("| :--- | ---: | ---: | ---: |", lines.get(header + 1));
    }

    @Test
    void rowsHaveOneCellPerColumnAndIndentByLevel() {
        String md = MarkdownTable.render(SampleTables.grouped());
        List<String> tableLines = md.lines().filter(l -> l.startsWith("|")).toList();
        for (String line : tableLines) {
            // unescaped pipes only: stub + 3 columns = 5 pipes
            assertEquals(5, line.replace("\\|", "").chars().filter(c -> c == '|').count(), line);
        }
        assertTrue(md.contains("| **Africa** |  |  |  |\n"), md);
        assertTrue(md.contains("| \u00A0\u00A0**Northern Africa** |  |  |  |\n"), md);
        assertTrue(md.contains("| \u00A0\u00A0\u00A0\u00A0Egypt | 1,234,568 (e) | .. | -3.3 (b) |\n"), md);
        assertTrue(md.contains("| \u00A0\u00A0Northern Africa | 1,235 (e) | 2,000 (p) | 0.0 |\n"), md);
    }

    @Test
    void labelsAreEscaped() {
        String md = MarkdownTable.render(SampleTables.grouped());
        assertTrue(md.contains("=cmd\\|' /C calc'!A0 | 12 | 15 (1) | 25.0 |"), md);
        assertTrue(md.contains("@x \\<script\\>alert(1)\\</script\\> | 0 | 7 | -stable |"), md);
        assertEquals("a \\*b\\* \\[c\\](d) \\`e\\` \\\\ f", MarkdownTable.escape("a *b* [c](d) `e` \\ f"));
        assertEquals("two lines", MarkdownTable.escape("two\r\nlines"));
    }

    @Test
    void aLineUnderTheTableNeverStartsAList() {
        assertEquals("1\\. Coverage", MarkdownTable.escapeParagraph("1. Coverage"));
        assertEquals("\\- dash", MarkdownTable.escapeParagraph("- dash"));
        assertEquals("2020 figures", MarkdownTable.escapeParagraph("2020 figures"));
    }
}
