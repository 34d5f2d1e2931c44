package vn.ocop.storefront.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.dialect.IPreProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.preprocessor.IPreProcessor;
import org.thymeleaf.preprocessor.PreProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A test-only Thymeleaf dialect that notes every template a page was made of (the view and the fragments it
 * inserted), so a test can say which template files no page reached.
 */
public final class TemplateRecorder extends AbstractDialect implements IPreProcessorDialect, IPostProcessorDialect {

    static final Set<String> RENDERED = ConcurrentHashMap.newKeySet();

    public TemplateRecorder() {
        super("template-recorder");
    }

    @Override
    public int getDialectPreProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPreProcessor> getPreProcessors() {
        return Set.of(new PreProcessor(TemplateMode.HTML, Handler.class, 1000));
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, Handler.class, 1000));
    }

    /** Notes the templates on the stack at each element: the view's and any inserted fragment's. */
    public static final class Handler extends AbstractTemplateHandler {

        private ITemplateContext context;

        public Handler() {
        }

        @Override
        public void setContext(ITemplateContext context) {
            super.setContext(context);
            this.context = context;
        }

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            note();
            super.handleOpenElement(tag);
        }

        @Override
        public void handleStandaloneElement(IStandaloneElementTag tag) {
            note();
            super.handleStandaloneElement(tag);
        }

        private void note() {
            for (TemplateData data : context.getTemplateStack()) {
                RENDERED.add(data.getTemplate());
            }
        }
    }
}
