package org.uncts.cts.cli;

import picocli.CommandLine.Command;

@Command(name = "cts", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "cts-pipeline: UN-CTS survey returns in, validated Parquet datasets out, queried with DuckDB.",
        subcommands = {RunCommand.class, ValidateCommand.class, SqlCommand.class, RunsCommand.class, ShowCommand.class, RestartCommand.class,
            StopCommand.class, RecoverCommand.class, RulesCommand.class, ScheduleCommand.class, BenchCommand.class, TableCommand.class,
            ExportCommand.class, ChartCommand.class},
        footer = {"", "Examples:", "  ./cts run                       run jobs/sample-cycle.yml",
            "  ./cts validate returns/x.csv    check a return before submitting it",
            "  ./cts sql \"select count(*) from observations\"", "  ./cts runs                      list past runs",
            "  ./cts show 3                    one run: steps, counts, findings",
            "  ./cts rules                     the validation rules in force",
            "  ./cts table homicide-rate-by-country --format xlsx --out t.xlsx   a publication table; --list shows them",
            "  ./cts export --out exports/     observations and indicators as SDMX-CSV",
            "  ./cts chart homicide-rate-regions   a publication chart (PNG and SVG); --list shows them",
            "  ./cts schedule                  launch the specs in jobs/ on their schedules"})
public class CtsCommand {
}
