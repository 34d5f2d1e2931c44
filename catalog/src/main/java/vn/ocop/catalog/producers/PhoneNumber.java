package vn.ocop.catalog.producers;

import java.util.regex.Pattern;

/**
 * A Vietnamese phone number to call a producer on: a mobile, ten digits from 03, 05, 07, 08 or 09 (the numbering
 * since 2018), or a landline, eleven digits from 02 (area code and number). Typed with spaces, dots, dashes or the
 * country code (+84 or 84 for the leading 0) it is kept as ten or eleven digits.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("0[35789][0-9]{8}");
    private static final Pattern LANDLINE = Pattern.compile("02[0-9]{9}");

    public PhoneNumber {
        value = InvalidProducerDetails.check("phone", normalise(value), problem(value));
    }

    /** Null when {@code typed} is a Vietnamese mobile or landline number, else what is wrong with it. */
    public static String problem(String typed) {
        String n = normalise(typed);
        return MOBILE.matcher(n).matches() || LANDLINE.matcher(n).matches() ? null
                : "a Vietnamese mobile (10 digits from 03, 05, 07, 08, 09) or landline (11 digits from 02) number";
    }

    static String normalise(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s.()-]", "");
        if (digits.startsWith("+84")) {
            return "0" + digits.substring(3);
        }
        return digits.startsWith("84") && digits.length() >= 11 ? "0" + digits.substring(2) : digits;
    }
}
