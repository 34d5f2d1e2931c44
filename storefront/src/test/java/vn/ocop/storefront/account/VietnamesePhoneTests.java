package vn.ocop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ocop.catalog.producers.PhoneNumber;

/** The phone numbers registration takes: Vietnamese mobiles and landlines as people type them, stored as digits. */
class VietnamesePhoneTests {

    private final VietnamesePhone.Check check = new VietnamesePhone.Check();

    @Test
    void mobilesFromEachPrefixWithSpacesDotsOrPlus84AreTaken() {
        for (String typed : new String[] {"0312345678", "0512345678", "0712345678", "0812345678", "0912345678", "0912 345 678",
                "091.234.5678", "0912-345-678", "+84912345678", "+84 912 345 678", "84912345678", "02438251234"}) {
            assertThat(check.isValid(typed, null)).as(typed).isTrue();
        }
    }

    @Test
    void otherNumbersAndTextAreRefused() {
        for (String typed : new String[] {"0112345678", "0412345678", "0612345678", "091234567", "09123456789", "912345678",
                "+1 212 555 0100", "+84 12 345 678", "gọi tôi", "0912abc678", "0912 345 678 0912 345 678 0912 345 678"}) {
            assertThat(check.isValid(typed, null)).as(typed).isFalse();
        }
    }

    @Test
    void blankIsTheFormsToRequireOrNot() {
        assertThat(check.isValid(null, null)).isTrue();
        assertThat(check.isValid("  ", null)).isTrue();
    }

    @Test
    void aNumberIsStoredAsItsDigitsWithTheLeadingZero() {
        assertThat(new PhoneNumber("+84 912 345 678").value()).isEqualTo("0912345678");
        assertThat(new PhoneNumber("091.234.5678").value()).isEqualTo("0912345678");
    }
}
