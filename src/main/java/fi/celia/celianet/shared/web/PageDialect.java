package fi.celia.celianet.shared.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Two steps over the rendered HTML of every page, so that no template has to repeat them: {@link StackedTables}
 * labels each cell of a data table with its column's header, and {@link ErrorSummaryOrder} lists an error summary's
 * problems in the order of the fields on the page.
 */
@Component
class PageDialect extends AbstractDialect implements IPostProcessorDialect {

    PageDialect() {
        super("celianet-page");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(
                new PostProcessor(TemplateMode.HTML, StackedTables.class, 1),
                new PostProcessor(TemplateMode.HTML, ErrorSummaryOrder.class, 2));
    }
}
