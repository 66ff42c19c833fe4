package org.uncts.cts.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes every defined table, in every format, into a folder: what the run's publication step
 * does. A table that cannot be made is reported, not fatal: the other tables and the datasets
 * are still published.
 */
public final class PublicationTables {

    /**
     * @param written  files written, relative names ("homicide-rate-by-country.xlsx")
     * @param problems one line per table that could not be made, saying why
     */
    public record Result(List<String> written, List<String> problems) {
    }

    private PublicationTables() {
    }

    public static Result writeAll(Map<String, TableDefinition> definitions, Connection db, TableBuilder.Context context,
                                  Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> written = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TableDefinition> e : definitions.entrySet()) {
            PublicationTable table;
            try {
                table = TableBuilder.build(e.getKey(), e.getValue(), db, TableBuilder.Options.defaults(), context);
            } catch (TableException ex) {
                problems.add(ex.getMessage());
                continue;
            }
            for (TableFormat format : TableFormat.values()) {
                Path file = folder.resolve(format.fileName(table));
                format.write(table, file);
                written.add(file.getFileName().toString());
            }
        }
        return new Result(written, problems);
    }
}
