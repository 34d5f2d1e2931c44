package vn.ocop.storefront.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Vietnamese by default; {@code ?lang=en} (or {@code vi}) switches and is remembered in a cookie.
 * The Accept-Language header is deliberately ignored: the shop speaks Vietnamese unless asked.
 */
@Configuration(proxyBeanMethods = false)
class LanguageResolver {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final Set<String> LANGUAGES = Set.of("vi", "en");
    private static final String COOKIE = "ocop_lang";

    @Bean(name = WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
                String asked = exchange.getRequest().getQueryParams().getFirst("lang");
                if (asked != null && LANGUAGES.contains(asked)) {
                    exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, asked)
                            .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax")
                            .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())).build());
                    return new SimpleLocaleContext(locale(asked));
                }
                var cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
                return new SimpleLocaleContext(cookie != null && LANGUAGES.contains(cookie.getValue())
                        ? locale(cookie.getValue()) : VIETNAMESE);
            }

            @Override
            public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
                throw new UnsupportedOperationException("the language is chosen with ?lang=");
            }
        };
    }

    private static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : VIETNAMESE;
    }
}
