package vn.ocop.orders;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import vn.ocop.orders.money.TaxSettings;

/**
 * The money ledger's settings: the tax withheld for household businesses, with the law's rates as defaults
 * ({@code ocop-money-tax.properties}, which cites Decree 117/2025/NĐ-CP); application properties or environment
 * variables override them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaxSettings.class)
@PropertySource(value = "classpath:ocop-money-tax.properties", encoding = "UTF-8")
class MoneyConfiguration {
}
