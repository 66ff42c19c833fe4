package org.uncts.cts.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.validate.catalogue.RuleCatalogue;
import org.uncts.cts.validate.catalogue.RulesDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Prints the validation rule catalogue: the shipped rules, or those of a job spec.",
            "With --markdown, prints docs/validation-rules.md: " + RulesDocument.REGENERATE})
public class RulesCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the Markdown document instead of a table.")
    boolean markdown;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Show the rules as this job spec changes them (its validation: section).")
    Path spec;

    @Override
    public Integer call() {
        RuleCatalogue rules;
        try {
            rules = spec == null ? RuleCatalogue.builtIn() : JobSpecLoader.load(spec).rules();
        } catch (JobSpecException e) {
            System.err.println("cts rules: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        System.out.print(markdown ? RulesDocument.markdown(rules, spec == null ? null : spec.toString())
                : RulesDocument.table(rules));
        System.out.flush();
        return ExitCodes.OK;
    }
}
