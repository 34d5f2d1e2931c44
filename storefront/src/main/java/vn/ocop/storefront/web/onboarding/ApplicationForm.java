package vn.ocop.storefront.web.onboarding;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ocop.catalog.producers.PayoutAccount;
import vn.ocop.catalog.producers.PhoneNumber;
import vn.ocop.catalog.producers.Place;
import vn.ocop.catalog.producers.ProducerApplication;
import vn.ocop.catalog.producers.ProducerKind;
import vn.ocop.catalog.producers.RegistrationNumber;
import vn.ocop.catalog.producers.TaxCode;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Commune;
import vn.ocop.orders.Province;

/**
 * An application to sell as a co-op types it, on the page or as JSON; the same rules apply to both
 * ({@link ApplicationRules}: the catalog's rules for tax code, registration number, phone and payout account, and
 * the official provinces and communes). The messages are for API clients; pages show the message codes of
 * messages-accounts*.properties in the reader's language.
 */
@ApplicationRules
record ApplicationForm(
        @NotNull ProducerKind kind,
        @NotBlank @Size(min = 2, max = 200) String name,
        @Schema(description = "co-op or enterprise: its 10-digit code (a branch: 0123456789-001); household business or "
                + "co-operative group: the registration as issued, 5-20 letters and digits")
        @NotBlank @Size(max = 40) String registrationNumber,
        @Schema(description = "10 digits, or 13 written 0123456789-001; the 10th digit is checked", example = "0100109106")
        @NotBlank @Size(max = 40) String taxCode,
        @NotBlank @Size(min = 2, max = 100) String representative,
        @Schema(description = "official code of one of the 34 provinces (GET /api/v1/addresses/provinces)", example = "19")
        @NotBlank @Size(max = 10) String provinceCode,
        @Schema(description = "official code of a commune of that province", example = "05503")
        @NotBlank @Size(max = 10) String communeCode,
        @Schema(description = "a Vietnamese mobile (10 digits from 03, 05, 07, 08, 09) or landline (11 digits from 02)", example = "0912345678")
        @NotBlank @Size(max = 40) String phone,
        @NotBlank @Email @Size(max = 254) String email,
        @Schema(description = "a bank's code from GET /api/v1/producer-applications/banks", example = "VBA")
        @NotBlank @Size(max = 20) String bank,
        @Schema(description = "6 to 19 digits", example = "1500205012345")
        @NotBlank @Size(max = 40) String accountNumber,
        @NotBlank @Size(min = 2, max = 100) String accountHolder) {

    static ApplicationForm blank() {
        return new ApplicationForm(ProducerKind.COOPERATIVE, "", "", "", "", null, null, "", "", null, "", "");
    }

    /** The catalog's application; its rules were checked by {@link ApplicationRules}, so this does not throw. */
    ProducerApplication application(Addresses addresses) {
        Province province = addresses.province(provinceCode).orElseThrow();
        Commune commune = addresses.commune(provinceCode, communeCode).orElseThrow();
        return new ProducerApplication(kind, name, new RegistrationNumber(kind, registrationNumber), new TaxCode(taxCode),
                representative, new Place(province.code(), province.shortName(), commune.code(), commune.name()),
                new PhoneNumber(phone), email, new PayoutAccount(bank, accountNumber, accountHolder));
    }
}
