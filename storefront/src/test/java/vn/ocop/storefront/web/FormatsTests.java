package vn.ocop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.ocop.catalog.Vnd;

class FormatsTests {

    private final Formats formats = new Formats();

    @Test
    void dongAreGroupedWithDotsAndFollowedByTheSign() {
        assertThat(formats.vnd(new Vnd(125_000))).isEqualTo("125.000 ₫");
        assertThat(formats.vnd(1_250_000)).isEqualTo("1.250.000 ₫");
        assertThat(formats.vnd(900)).isEqualTo("900 ₫");
    }

    @Test
    void starsShowFilledAndEmpty() {
        assertThat(formats.stars(4)).isEqualTo("★★★★☆");
    }

    @Test
    void datesAreDayMonthYear() {
        assertThat(formats.date(LocalDate.of(2026, 11, 22))).isEqualTo("22/11/2026");
    }
}
