package org.uncts.cts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.publication.TinyRelease;
import org.uncts.cts.testing.ConsoleCapture;

/** ./cts table on a hand-made release folder: what it prints or writes, and what a wrong option says. */
class TableCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int table(String... args) throws Exception {
        Path release = TinyRelease.write(dir.resolve("release"));
        String[] all = new String[args.length + 3];
        all[0] = "table";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--release";
        all[args.length + 2] = release.toString();
        return Main.run(all);
    }

    @Test
    void printsMarkdownOfTheReleaseByDefault() throws Exception {
        assertEquals(ExitCodes.OK, table("homicide-rate-by-country", "--from", "2020", "--to", "2021"), console.err());
        String md = console.out();
        assertTrue(md.contains("# Victims of intentional homicide per 100,000 population, by country or area, 2020-2021\n"), md);
        assertTrue(md.contains("| 2020 | 2021 |"), md);
        assertTrue(md.matches("(?s).*France \\| 1\\.3 \\| 1\\.3 \\(e,1\\) \\|.*"), md);
        assertTrue(md.contains("World | 2.0 | 2.1 (i)"), md);
    }

    @Test
    void writesAnXlsxWorkbookOnlyToAFile() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, table("homicide-rate-by-country", "--format", "xlsx"));
        assertTrue(console.err().contains("give --out FILE.xlsx"), console.err());
        Path xlsx = dir.resolve("t/h.xlsx");
        assertEquals(ExitCodes.OK, table("homicide-rate-by-country", "--format", "xlsx", "--out", xlsx.toString()), console.err());
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = WorkbookFactory.create(in)) {
            assertTrue(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue().startsWith("Victims of intentional homicide"));
        }
    }

    @Test
    void wrongNamesRegionsAndYearsAreBadInputWithTheValidOnes() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, table("homicide-rates"));
        assertTrue(console.err().contains("no table called 'homicide-rates'") && console.err().contains("prisons"), console.err());
        assertEquals(ExitCodes.BAD_INPUT, table("homicide-rate-by-country", "--region", "Atlantis"));
        assertTrue(console.err().contains("Regions and subregions: Africa, Europe, Sub-Saharan Africa, Western Europe"), console.err());
        assertEquals(ExitCodes.BAD_INPUT, table("homicide-rate-by-country", "--from", "2023"));
        assertTrue(console.err().contains("first year 2023 is after the last year 2021"), console.err());
        assertEquals(ExitCodes.BAD_INPUT, table("homicide-rate-by-country", "--format", "pdf"));
        assertTrue(console.err().contains("Unknown table format"), console.err());
    }

    @Test
    void listsTheShippedTables() throws Exception {
        assertEquals(ExitCodes.OK, table("--list"));
        for (String name : new String[] {"homicide-rate-by-country", "homicide-victims-by-sex", "homicide-trend-by-region",
                "prisons", "criminal-justice-funnel"}) {
            assertTrue(console.out().contains(name), name + " in " + console.out());
        }
    }
}
