package vn.ocop.orders;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The catalog and orders modules together, for the orders module's integration tests. */
@SpringBootApplication(scanBasePackages = {"vn.ocop.catalog", "vn.ocop.orders"})
@ConditionalOnProperty(name = "ocop.test.app", havingValue = "orders")
public class OrdersTestApplication {
}
