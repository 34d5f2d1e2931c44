package vn.ocop.storefront.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * Thymeleaf reads templates and Spring reads message bundles from disk the first time they are used,
 * which would happen on an event-loop thread during the first requests. Everything is read here instead,
 * at start-up on the main thread: the templates are held in memory (they are small and cached anyway),
 * the template engine and every message bundle of both languages are initialised before the server opens.
 */
@Configuration(proxyBeanMethods = false)
class PreloadedTemplates {

    private static final String PREFIX = "classpath:/templates/";
    private static final String SUFFIX = ".html";

    @Bean("defaultTemplateResolver")
    AbstractConfigurableTemplateResolver defaultTemplateResolver() {
        Map<String, String> templates = readAll();
        var resolver = new AbstractConfigurableTemplateResolver() {
            @Override
            protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                    String template, String resourceName, String characterEncoding, Map<String, Object> attributes) {
                String text = templates.get(resourceName);
                return text == null ? null : new StringTemplateResource(text);
            }
        };
        resolver.setPrefix(PREFIX);
        resolver.setSuffix(SUFFIX);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        return resolver;
    }

    @Bean
    SmartInitializingSingleton initialiseTemplatesAndMessages(ISpringWebFluxTemplateEngine engine, MessageSource messages,
                                                              Validator validator) {
        return () -> {
            engine.getConfiguration(); // dialects look up Jackson modules through the ServiceLoader
            for (Locale locale : Set.of(LanguageResolver.VIETNAMESE, Locale.ENGLISH)) {
                messages.getMessage("app.name", null, locale);
                // a key that no bundle has makes the message source open every feature's bundle, not only the first
                messages.getMessage("preload.every-bundle", null, "", locale);
            }
            validator.validate(new WarmUp("")); // loads the validation message bundles
        };
    }

    private record WarmUp(@NotBlank @Size(min = 2) String value) {
    }

    private static Map<String, String> readAll() {
        try {
            Map<String, String> templates = new HashMap<>();
            var resolver = new PathMatchingResourcePatternResolver();
            String root = resolver.getResource(PREFIX).getURL().toString();
            for (Resource r : resolver.getResources(PREFIX + "**/*" + SUFFIX)) {
                String relative = r.getURL().toString().substring(root.length());
                templates.put(PREFIX + relative, r.getContentAsString(StandardCharsets.UTF_8));
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page templates", e);
        }
    }
}
