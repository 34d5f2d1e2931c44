package vn.ocop.storefront.input;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How JSON bodies are read: a key given twice is refused (two parsers could disagree on which one counts), and so
 * is any text holding a control character, naming the field; a field that must take whatever a device sent and
 * judge it itself (a till's movement type) opts out with {@code @JsonDeserialize(using = StringDeserializer.class)}.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("ocop-plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
    }

    /** The standard String reader, then the plain-text check. */
    static final class PlainTextDeserializer extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !PlainText.acceptable(value)) {
                throw ctxt.weirdStringException(value, String.class, PlainText.PROBLEM);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
