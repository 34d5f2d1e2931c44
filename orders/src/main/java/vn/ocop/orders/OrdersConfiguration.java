package vn.ocop.orders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The orders module's shared values as beans: the address list, read once at start-up. */
@Configuration(proxyBeanMethods = false)
class OrdersConfiguration {

    @Bean
    Addresses addresses() {
        return Addresses.vietnam();
    }
}
