package vn.ocop.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The synonyms file as a bean, read once at start-up (reading the classpath on an event loop would block it). */
@Configuration(proxyBeanMethods = false)
class TextConfiguration {

    @Bean
    Synonyms synonyms() {
        return Synonyms.load();
    }
}
