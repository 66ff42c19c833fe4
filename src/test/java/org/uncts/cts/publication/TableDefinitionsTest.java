package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading table definitions: the shipped ones, a folder that replaces or adds, and every problem named with its file. */
class TableDefinitionsTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTablesLoad() {
        Map<String, TableDefinition> defs = TableDefinitions.load(List.of());
        assertEquals(List.of("criminal-justice-funnel", "homicide-rate-by-country", "homicide-trend-by-region",
                "homicide-victims-by-sex", "prisons"), List.copyOf(defs.keySet()));
        assertEquals("period", defs.get("homicide-trend-by-region").year());
        assertEquals(TableDefinition.LATEST, defs.get("prisons").year());
    }

    @Test
    void aFolderReplacesAShippedTableAndAddsItsOwn() throws Exception {
        Files.writeString(dir.resolve("prisons.yml"), """
                title: Prisons, our way
                rows: {kind: countries, group_by: none}
                columns:
                  - header: "{year}"
                    cell: {formula: prison_population_rate}
                """);
        Files.writeString(dir.resolve("police.yml"), """
                title: Police per 100,000
                rows: {kind: regions, groupings: [sdg_region]}
                columns:
                  - cell: {formula: police_per_100k, decimals: 0}
                """);
        Map<String, TableDefinition> defs = TableDefinitions.load(List.of(dir));
        assertEquals("Prisons, our way", defs.get("prisons").title());
        assertEquals("none", defs.get("prisons").rows().groupBy());
        assertEquals(List.of("sdg_region"), defs.get("police").rows().groupings());
        assertEquals(6, defs.size());
    }

    @Test
    void everyProblemIsReportedWithItsFile() throws Exception {
        Files.writeString(dir.resolve("a.yml"), """
                title: A
                rows: {kind: country}
                year: latest
                columns:
                  - cell: {statistic: ols_slope}
                """);
        Files.writeString(dir.resolve("b.yml"), """
                title: B
                rows: {kind: regions}
                colour: red
                columns: []
                """);
        Files.writeString(dir.resolve("Bad Name.yml"), "title: x\n");
        TableException e = assertThrows(TableException.class, () -> TableDefinitions.load(List.of(dir)));
        String m = e.getMessage();
        assertTrue(m.contains(dir.resolve("a.yml") + ": rows.kind is 'country'; write countries or regions"), m);
        assertTrue(m.contains("columns[1]: a statistic needs the formula of the series"), m);
        assertTrue(m.contains("statistic 'ols_slope' is not one of"), m);
        assertTrue(m.contains("a statistic is about a period, not a year; write year: period"), m);
        assertTrue(m.contains("columns[1]: a header is needed"), m);
        assertTrue(m.contains(dir.resolve("b.yml") + " line 3: unknown key 'colour'"), m);
        assertTrue(m.contains("Bad Name.yml: the file name must be lower-case letters"), m);
    }
}
