package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vendored address list: 34 provinces, 3,321 communes, official codes that belong together. */
class AddressesTests {

    final Addresses addresses = Addresses.vietnam();

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

    @Test
    void aProvinceIsFoundByHoweverALocationWritesItsName() {
        assertThat(addresses.provinceNamed("Hà Nội")).get().extracting(Province::code).isEqualTo("01");
        assertThat(addresses.provinceNamed("TP. Hồ Chí Minh")).get().extracting(Province::code).isEqualTo("79");
        assertThat(addresses.provinceNamed("Thành phố Hồ Chí Minh")).get().extracting(Province::code).isEqualTo("79");
        assertThat(addresses.provinceNamed("tinh quang ninh")).get().extracting(Province::code).isEqualTo("22");
        assertThat(addresses.provinceNamed("Đắk Lắk")).get().extracting(Province::code).isEqualTo("66");
        assertThat(addresses.provinceNamed("Bắc Kạn")).as("merged into Thái Nguyên in 2025: not one of the 34").isEmpty();
    }
}
