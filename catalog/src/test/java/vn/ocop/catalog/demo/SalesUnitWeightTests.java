package vn.ocop.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ocop.catalog.OcopGroup;

class SalesUnitWeightTests {

    @Test
    void aWeightInTheSalesUnitIsUsedWithPackaging() {
        assertThat(SalesUnitWeight.estimate("hộp 500g", OcopGroup.FOOD)).isEqualTo(550);
        assertThat(SalesUnitWeight.estimate("gói 250 g", OcopGroup.FOOD)).isEqualTo(280);
    }

    @Test
    void kilogramsCountAThousandGramsWithOrWithoutANumber() {
        assertThat(SalesUnitWeight.estimate("túi 5kg", OcopGroup.FOOD)).isEqualTo(5_500);
        assertThat(SalesUnitWeight.estimate("1,5 kg", OcopGroup.FOOD)).isEqualTo(1_650);
        assertThat(SalesUnitWeight.estimate("kg", OcopGroup.FOOD)).isEqualTo(1_100);
    }

    @Test
    void millilitresWeighAsGramsAndLiquidsAndJarsCarryHeavierPackaging() {
        assertThat(SalesUnitWeight.estimate("chai 500ml", OcopGroup.DRINKS)).isEqualTo(600);
        assertThat(SalesUnitWeight.estimate("chai 1 lít", OcopGroup.DRINKS)).isEqualTo(1_200);
        assertThat(SalesUnitWeight.estimate("hũ 200g", OcopGroup.FOOD)).isEqualTo(240);
    }

    @Test
    void aCountOfContainersMultipliesWhatEachHolds() {
        assertThat(SalesUnitWeight.estimate("hộp 6 chai 330ml", OcopGroup.DRINKS)).isEqualTo(2_380);
        assertThat(SalesUnitWeight.estimate("thùng 24 chai 500ml", OcopGroup.DRINKS)).isEqualTo(14_400);
        assertThat(SalesUnitWeight.estimate("2 x 500g", OcopGroup.FOOD)).isEqualTo(1_100);
    }

    @Test
    void aUnitThatNamesNoQuantityTakesItsGroupsDefault() {
        assertThat(SalesUnitWeight.estimate("chiếc", OcopGroup.HANDICRAFT)).isEqualTo(800);
        assertThat(SalesUnitWeight.estimate("chậu", OcopGroup.ORNAMENTAL)).isEqualTo(2_000);
        assertThat(SalesUnitWeight.estimate("vé tham quan / người", OcopGroup.TOURISM)).isEqualTo(50);
        assertThat(SalesUnitWeight.estimate("hộp 10 quả", OcopGroup.FOOD)).isEqualTo(600);
    }

    @Test
    void aWordThatStartsLikeAUnitIsNotOne() {
        assertThat(SalesUnitWeight.estimate("hộp 30 gói", OcopGroup.HERBAL)).isEqualTo(300);
        assertThat(SalesUnitWeight.estimate("hộp 6 lọ", OcopGroup.HERBAL)).isEqualTo(300);
    }

    @Test
    void anEstimateStaysWithinTheListingsLimits() {
        assertThat(SalesUnitWeight.estimate("bao 100kg", OcopGroup.FOOD)).isEqualTo(50_000);
        assertThat(SalesUnitWeight.estimate("gói 0g", OcopGroup.FOOD)).isEqualTo(1);
    }
}
