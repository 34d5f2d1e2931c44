package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vendored address list: 34 provinces, 3,321 communes, official codes that belong together. */
class AddressesTests {

    final Addresses addresses = new Addresses();

    @Test
    void thirtyFourProvincesAndTheirCommunes() {
        assertThat(addresses.provinces()).hasSize(34);
        assertThat(addresses.provinces().stream().mapToInt(p -> addresses.communes(p.code()).size()).sum()).isEqualTo(3321);
        assertThat(addresses.communes("01")).hasSize(126);
        assertThat(addresses.communes("79")).hasSize(168);
    }

    @Test
    void aCommuneIsFoundOnlyInItsOwnProvince() {
        assertThat(addresses.commune("01", "00070")).get().extracting(Commune::name).isEqualTo("Phường Hoàn Kiếm");
        assertThat(addresses.commune("79", "00070")).isEmpty();
        assertThat(addresses.province("01")).get().extracting(Province::shortName).isEqualTo("Hà Nội");
        assertThat(addresses.province("99")).isEmpty();
    }
}
