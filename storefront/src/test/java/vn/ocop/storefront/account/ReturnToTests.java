package vn.ocop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnToTests {

    @Test
    void aPathOfTheShopIsKeptWithItsQuery() {
        assertThat(ReturnTo.local("/checkout")).contains("/checkout");
        assertThat(ReturnTo.local("/cart")).contains("/cart");
        assertThat(ReturnTo.local("/products/7f0c2a4e-0000-4000-8000-000000000001?lang=en"))
                .contains("/products/7f0c2a4e-0000-4000-8000-000000000001?lang=en");
        assertThat(ReturnTo.local("/checkout?mode=PICKUP")).contains("/checkout?mode=PICKUP");
    }

    @Test
    void anotherSiteIsNeverATarget() {
        for (String elsewhere : new String[] {"https://evil.example/checkout", "http:/evil.example", "//evil.example/cart",
                "///evil.example", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "evil.example/cart",
                "/cart\r\nLocation: https://evil.example", "/ /evil.example", ""}) {
            assertThat(ReturnTo.local(elsewhere)).as(elsewhere).isEmpty();
        }
        assertThat(ReturnTo.local(null)).isEmpty();
    }

    @Test
    void signInRegistrationAndTheApiAreNotPagesToGoBackTo() {
        for (String loop : new String[] {"/login", "/login?error", "/register?return=/cart", "/logout", "/error", "/api/v1/orders"}) {
            assertThat(ReturnTo.local(loop)).as(loop).isEmpty();
        }
        assertThat(ReturnTo.local("/loginhelp")).as("only those pages").contains("/loginhelp");
        assertThat(ReturnTo.local("/" + "a".repeat(1000))).as("too long").isEmpty();
    }
}
