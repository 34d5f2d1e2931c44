package vn.ocop.storefront.session;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/**
 * WebFlux sessions through Spring Session into {@link PostgresSessions}: what {@code @EnableSpringWebSession}
 * wires, with the application's clock for last-access times (Boot's in-memory manager then steps aside). The
 * cookie is Boot's ({@code server.reactive.session.cookie.*}): {@code SESSION}, HttpOnly, SameSite=Lax, Secure
 * when the request came over https, which with forwarded headers honoured includes {@code X-Forwarded-Proto: https}.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(PostgresSessions sessions, WebSessionIdResolver cookie, Clock clock) {
        var store = new SpringSessionWebSessionStore<>(sessions);
        store.setClock(clock);
        var manager = new DefaultWebSessionManager();
        manager.setSessionStore(store);
        manager.setSessionIdResolver(cookie);
        return manager;
    }
}
