package vn.ocop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registration password rules on their own (the pages and the API are tested in AccountFlowIntegrationTests). */
class PasswordRulesTests {

    private final CommonPasswords common = new CommonPasswords();

    @Test
    void theListHoldsTheTenThousandMostCommonPasswordsInAnyCase() {
        assertThat(common.size()).isEqualTo(10_000);
        assertThat(common.contains("123456")).isTrue();
        assertThat(common.contains("password")).isTrue();
        assertThat(common.contains("Password123")).isTrue();
        assertThat(common.contains("QWERTYUIOP")).isTrue();
        assertThat(common.contains("tra-sen-tay-ho-2026")).isFalse();
    }

    @Test
    void aPasswordMayNotContainTheEmailsNameOfThreeCharactersOrMore() {
        assertThat(PasswordNotInEmail.Check.allows("Lan.Nguyen@example.vn", "x-LAN.NGUYEN-2026")).isFalse();
        assertThat(PasswordNotInEmail.Check.allows("lan.nguyen@example.vn", "lan.nguyen@example.vn")).isFalse();
        assertThat(PasswordNotInEmail.Check.allows("bao@example.vn", "hoa-bao-tron-2026")).isFalse();
        assertThat(PasswordNotInEmail.Check.allows("an@example.vn", "an-nhien-giua-pho")).isTrue();
        assertThat(PasswordNotInEmail.Check.allows("lan.nguyen@example.vn", "tra-sen-tay-ho-2026")).isTrue();
    }

    @Test
    void theDemoPasswordKeepsEveryRuleForEveryDemoAccount() {
        String demo = "ocop-demo-2026";
        assertThat(demo.length()).isBetween(10, 128);
        assertThat(common.contains(demo)).isFalse();
        for (String account : new String[] {"shopper", "producer", "staff", "council", "admin"}) {
            assertThat(PasswordNotInEmail.Check.allows(account + "@demo.ocop.vn", demo)).as(account).isTrue();
        }
    }
}
