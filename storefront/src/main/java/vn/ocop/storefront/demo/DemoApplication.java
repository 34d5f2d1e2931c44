package vn.ocop.storefront.demo;

import vn.ocop.catalog.producers.PayoutAccount;
import vn.ocop.catalog.producers.PhoneNumber;
import vn.ocop.catalog.producers.Place;
import vn.ocop.catalog.producers.ProducerApplication;
import vn.ocop.catalog.producers.ProducerKind;
import vn.ocop.catalog.producers.RegistrationNumber;
import vn.ocop.catalog.producers.TaxCode;

/**
 * The demo's application to sell, waiting for ADMIN: an invented co-op, its tax code 0000000017 passing the check
 * digit but never issued (tax codes start with a province number, 01 and up), its contact at the reserved example.vn.
 */
final class DemoApplication {

    static final String TAX_CODE = "0000000017";

    private DemoApplication() {
    }

    static ProducerApplication coop() {
        return new ProducerApplication(ProducerKind.COOPERATIVE, "HTX Chè Tân Cương (demo)",
                new RegistrationNumber(ProducerKind.COOPERATIVE, TAX_CODE), new TaxCode(TAX_CODE), "Nguyễn Thị Hoa (demo)",
                new Place("19", "Thái Nguyên", "05503", "Xã Tân Cương"), new PhoneNumber("0912345678"),
                "htx-che-tan-cuong@example.vn", new PayoutAccount("COOPBANK", "1020304050607", "HTX CHE TAN CUONG"));
    }
}
