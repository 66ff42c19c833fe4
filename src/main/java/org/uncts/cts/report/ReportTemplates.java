package org.uncts.cts.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Thymeleaf templates of the reports ({@code src/main/resources/report/*.html}), standalone;
 * {@link #engine(String)} also serves other HTML outputs (publication tables).
 */
public final class ReportTemplates {

    private static final TemplateEngine ENGINE = engine("report/");

    private ReportTemplates() {
    }

    /** A standalone engine for the HTML templates in a classpath folder ("report/", "publication/"), UTF-8, cached. */
    public static TemplateEngine engine(String folder) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportTemplates.class.getClassLoader());
        resolver.setPrefix(folder);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** Renders {@code template} with {@code page} (the template's {@code ${page}}) to a UTF-8 file. */
    static void render(String template, Object page, Path target) throws IOException {
        Context context = new Context(Locale.ENGLISH, Map.of("page", page));
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            ENGINE.process(template, context, out);
        }
    }
}
