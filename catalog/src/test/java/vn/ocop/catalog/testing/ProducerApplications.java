package vn.ocop.catalog.testing;

import vn.ocop.catalog.producers.PayoutAccount;
import vn.ocop.catalog.producers.PhoneNumber;
import vn.ocop.catalog.producers.Place;
import vn.ocop.catalog.producers.ProducerApplication;
import vn.ocop.catalog.producers.ProducerKind;
import vn.ocop.catalog.producers.RegistrationNumber;
import vn.ocop.catalog.producers.TaxCode;

/** Applications for tests: a co-op in Thái Nguyên with a valid tax code, contact and payout account. */
public final class ProducerApplications {

    /** Valid tax codes (their tenth digit is the check digit), for as many different applicants as a test needs. */
    public static final String[] TAX_CODES = {"0100109106", "5701234566", "4601234560", "0101234565", "0301234562", "4001234569"};

    private ProducerApplications() {
    }

    public static ProducerApplication coop(String taxCode) {
        return coop(taxCode, "HTX Chè Tân Cương", "HTX.TanCuong@example.vn");
    }

    public static ProducerApplication coop(String taxCode, String name, String email) {
        return new ProducerApplication(ProducerKind.COOPERATIVE, name, new RegistrationNumber(ProducerKind.COOPERATIVE, taxCode),
                new TaxCode(taxCode), "Nguyễn Thị Hoa", new Place("19", "Thái Nguyên", "05503", "Xã Tân Cương"),
                new PhoneNumber("0912 345 678"), email, new PayoutAccount("VBA", "1500205012345", "HTX CHE TAN CUONG"));
    }
}
