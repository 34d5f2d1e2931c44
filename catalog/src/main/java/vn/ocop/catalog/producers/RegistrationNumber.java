package vn.ocop.catalog.producers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The number a producer is registered under, as its kind has it ({@link ProducerKind#hasEnterpriseCode()}):
 * <ul>
 * <li>an enterprise or a co-operative: its enterprise / co-operative code, which is its tax code, so ten digits
 * whose tenth is the tax check digit ({@link TaxCode}), or a branch's thirteen written {@code 0123456789-001};</li>
 * <li>a household business or a co-operative group: the registration as the commune or district issued it, 5 to 20
 * letters and digits with at least one digit (spaces are dropped, letters kept in capitals).</li>
 * </ul>
 */
public record RegistrationNumber(ProducerKind kind, String value) {

    private static final Pattern ISSUED = Pattern.compile("(?=.*[0-9])[A-Z0-9]{5,20}");

    public RegistrationNumber {
        if (kind == null) {
            throw new InvalidProducerDetails("kind", "the kind of producer is required");
        }
        value = InvalidProducerDetails.check("registrationNumber", normalise(kind, value), problem(kind, value));
    }

    /** Null when {@code typed} is a registration number of that kind, else what is wrong with it. */
    public static String problem(ProducerKind kind, String typed) {
        if (kind.hasEnterpriseCode()) {
            String taxProblem = TaxCode.problem(typed);
            return taxProblem == null ? null
                    : "an enterprise or co-operative code is 10 digits (a branch: 0123456789-001) with the tax code's check digit";
        }
        return ISSUED.matcher(issued(typed)).matches() ? null
                : "a household business or co-operative group registration is 5 to 20 letters and digits, as issued";
    }

    static String normalise(ProducerKind kind, String typed) {
        return kind.hasEnterpriseCode() ? TaxCode.normalise(typed) : issued(typed);
    }

    private static String issued(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
