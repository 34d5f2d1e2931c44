package vn.ocop.storefront.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class AccountMessagesTests {

    @Test
    void everyOnboardingAndAccountMessageExistsInVietnameseAndEnglish() throws IOException {
        Properties vi = load("messages-accounts.properties");
        Properties en = load("messages-accounts_en.properties");

        assertThat(vi.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        assertThat(vi.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
