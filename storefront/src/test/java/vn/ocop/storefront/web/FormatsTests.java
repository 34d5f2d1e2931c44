package vn.ocop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
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
    void unitsSoldAreCompactWithTheLanguagesDecimalSeparatorAndNeverRoundedUp() {
        Locale vi = Locale.forLanguageTag("vi");
        assertThat(formats.compact(0, vi)).isEqualTo("0");
        assertThat(formats.compact(12, vi)).isEqualTo("12");
        assertThat(formats.compact(999, vi)).isEqualTo("999");
        assertThat(formats.compact(1_000, vi)).isEqualTo("1k");
        assertThat(formats.compact(1_200, vi)).isEqualTo("1,2k");
        assertThat(formats.compact(1_299, vi)).as("rounded down: never more sold than true").isEqualTo("1,2k");
        assertThat(formats.compact(12_050, vi)).isEqualTo("12k");
        assertThat(formats.compact(999_999, vi)).isEqualTo("999,9k");
        assertThat(formats.compact(1_250_000, vi)).isEqualTo("1,2tr");
        assertThat(formats.compact(1_200, Locale.ENGLISH)).isEqualTo("1.2k");
        assertThat(formats.compact(12, Locale.ENGLISH)).isEqualTo("12");
        assertThat(formats.compact(3_400_000, Locale.ENGLISH)).isEqualTo("3.4M");
    }

    @Test
    void datesAreDayMonthYear() {
        assertThat(formats.date(LocalDate.of(2026, 11, 22))).isEqualTo("22/11/2026");
    }
}
