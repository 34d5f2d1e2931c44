package vn.ocop.storefront;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the shop; with no database or search URL configured it starts its own (see devservices). */
@SpringBootApplication(scanBasePackages = "vn.ocop")
@AutoConfigurationPackage(basePackages = "vn.ocop")
@ConfigurationPropertiesScan("vn.ocop")
public class StorefrontApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorefrontApplication.class, args);
    }
}
