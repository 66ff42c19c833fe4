package org.uncts.cts.publication;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.uncts.cts.publish.ReleaseData;

class ScratchPrintTest {
    @Test
    void print() throws Exception {
        var defs = TableDefinitions.load(java.util.List.of());
        try (Connection c = ReleaseData.open(Path.of("out/sample-cycle/current"))) {
            for (var e : defs.entrySet()) {
                try {
                PublicationTable t = TableBuilder.build(e.getKey(), e.getValue(), c, TableBuilder.Options.defaults(), new TableBuilder.Context("UN-CTS 2025", 1));
                System.out.println("=== " + t.title() + " / " + t.subtitle());
                System.out.println(t.columns().stream().map(col -> (col.group()==null?"":col.group()+":")+col.header()).toList());
                for (TableRow r : t.rows()) {
                    System.out.println("  ".repeat(r.level()) + r.kind().name().charAt(0) + " " + r.label() + " [" + r.code() + "] "
                        + r.cells().stream().map(TableCell::formattedWithMarkers).toList());
                }
                t.footnotes().forEach(f -> System.out.println("  " + f.marker() + " " + f.text()));
                t.notes().forEach(n -> System.out.println("  " + n));
                System.out.println("  Source: " + t.source());
                } catch (TableException ex) { System.out.println("!!! " + ex.getMessage()); }
            }
        }
    }
}
