package vn.ocop.catalog.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import vn.ocop.catalog.testing.ProducerApplications;

class ProducerDetailsTests {

    @Test
    void taxCodeTenthDigitIsTheCheckDigitOfTheFirstNine() {
        // 0100109106: 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3 = 114; 114 mod 11 = 4; 10 − 4 = 6
        assertThat(TaxCode.problem("0100109106")).isNull();
        assertThat(TaxCode.problem("0100109107")).contains("check digit");
        assertThat(TaxCode.problem("4601234560")).isNull(); // sum mod 11 = 10: the check digit is 0
        // 530012345…: sum mod 11 = 0, so the check would be 10: no tax code starts with these nine digits
        for (int last = 0; last <= 9; last++) {
            assertThat(TaxCode.problem("530012345" + last)).as("530012345" + last).isNotNull();
        }
    }

    @Test
    void taxCodeIsTenDigitsOrThirteenForABranchKeptAsWritten() {
        assertThat(new TaxCode(" 0100 109 106 ").value()).isEqualTo("0100109106");
        assertThat(new TaxCode("0100109106-001").value()).isEqualTo("0100109106-001");
        assertThat(new TaxCode("0100109106001").value()).isEqualTo("0100109106-001");
        assertThat(TaxCode.problem("0100109106-000")).contains("001");
        assertThat(TaxCode.problem("010010910")).contains("10 digits");
        assertThat(TaxCode.problem("0100109106-01")).contains("10 digits");
        assertThat(TaxCode.problem("01001O9106")).contains("10 digits");
        assertThat(catchThrowableOfType(InvalidProducerDetails.class, () -> new TaxCode("0100109107")).field()).isEqualTo("taxCode");
    }

    @Test
    void enterpriseAndCooperativeCodesAreTaxCodesWhileHouseholdsKeepTheirRegistrationAsIssued() {
        assertThat(new RegistrationNumber(ProducerKind.COOPERATIVE, "0100109106").value()).isEqualTo("0100109106");
        assertThat(new RegistrationNumber(ProducerKind.ENTERPRISE, "0100109106-002").value()).isEqualTo("0100109106-002");
        assertThat(RegistrationNumber.problem(ProducerKind.ENTERPRISE, "0100109107")).contains("check digit");
        assertThat(RegistrationNumber.problem(ProducerKind.COOPERATIVE, "27B8001234")).contains("10 digits");

        assertThat(new RegistrationNumber(ProducerKind.HOUSEHOLD, " 27b8 001234 ").value()).isEqualTo("27B8001234");
        assertThat(new RegistrationNumber(ProducerKind.COOPERATIVE_GROUP, "THT0512").value()).isEqualTo("THT0512");
        assertThat(RegistrationNumber.problem(ProducerKind.HOUSEHOLD, "ABCDE")).as("no digit").isNotNull();
        assertThat(RegistrationNumber.problem(ProducerKind.HOUSEHOLD, "A123")).as("too short").isNotNull();
        assertThat(RegistrationNumber.problem(ProducerKind.HOUSEHOLD, "1".repeat(21))).as("too long").isNotNull();
        assertThat(RegistrationNumber.problem(ProducerKind.HOUSEHOLD, "27B-8001")).as("a symbol").isNotNull();
    }

    @Test
    void phoneIsAVietnameseMobileOrLandlineKeptAsDigits() {
        assertThat(new PhoneNumber("0912 345 678").value()).isEqualTo("0912345678");
        assertThat(new PhoneNumber("+84 912.345.678").value()).isEqualTo("0912345678");
        assertThat(new PhoneNumber("84387654321").value()).isEqualTo("0387654321");
        assertThat(new PhoneNumber("(024) 3825-1234").value()).isEqualTo("02438251234");
        assertThat(PhoneNumber.problem("0112345678")).as("01x numbers were converted in 2018").isNotNull();
        assertThat(PhoneNumber.problem("091234567")).as("nine digits").isNotNull();
        assertThat(PhoneNumber.problem("0243825123")).as("a landline has eleven").isNotNull();
        assertThat(PhoneNumber.problem("+1 415 555 0100")).isNotNull();
    }

    @Test
    void payoutAccountNamesAListedBankSixToNineteenDigitsAndItsHolder() {
        PayoutAccount account = new PayoutAccount("VBA", "1500 2050 12345", " HTX CHÈ TÂN CƯƠNG ");
        assertThat(account.number()).isEqualTo("1500205012345");
        assertThat(account.holder()).isEqualTo("HTX CHÈ TÂN CƯƠNG");
        assertThat(account.masked()).isEqualTo("Agribank ••••2345");
        assertThat(Banks.vietnam().find("COOPBANK")).get().extracting(Bank::shortName).isEqualTo("Co-opBank");
        assertThat(PayoutAccount.bankProblem("XYZ")).isNotNull();
        assertThat(PayoutAccount.numberProblem("12345")).isNotNull();
        assertThat(PayoutAccount.numberProblem("1".repeat(20))).isNotNull();
        assertThat(PayoutAccount.numberProblem("12345a")).isNotNull();
        assertThat(PayoutAccount.holderProblem(" ")).isNotNull();
        assertThat(catchThrowableOfType(InvalidProducerDetails.class, () -> new PayoutAccount("VCB", "123", "A B")).field())
                .isEqualTo("accountNumber");
    }

    @Test
    void applicationKeepsTheEmailInLowerCaseAndItsRegistrationMustFitItsKind() {
        ProducerApplication application = ProducerApplications.coop("0100109106");
        assertThat(application.email()).isEqualTo("htx.tancuong@example.vn");

        InvalidProducerDetails mismatch = catchThrowableOfType(InvalidProducerDetails.class, () -> new ProducerApplication(
                ProducerKind.HOUSEHOLD, "Hộ kinh doanh Minh", new RegistrationNumber(ProducerKind.COOPERATIVE, "0100109106"),
                new TaxCode("0100109106"), "Nguyễn Văn Minh", application.place(), application.phone(), "minh@example.vn",
                application.payout()));
        assertThat(mismatch.field()).isEqualTo("kind");
        assertThat(ProducerApplication.emailProblem("not-an-address")).isNotNull();
    }
}
