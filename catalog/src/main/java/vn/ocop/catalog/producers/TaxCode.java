package vn.ocop.catalog.producers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vietnamese tax code (mã số thuế): ten digits, or thirteen for a dependent unit such as a branch, written
 * {@code 0123456789-001}. The tenth digit is a check digit: weigh the first nine by 31, 29, 23, 19, 17, 13, 7, 5 and
 * 3, and it is 10 − (sum mod 11); nine digits whose check would be 10 belong to no tax code. A branch's suffix runs
 * from 001. Spaces, dots and a missing dash are forgiven as people type them; the value is kept in the written form.
 */
public record TaxCode(String value) {

    private static final Pattern FORM = Pattern.compile("(\\d{10})(?:-?(\\d{3}))?");
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    public TaxCode {
        value = InvalidProducerDetails.check("taxCode", normalise(value), problem(value));
    }

    /** Null when {@code typed} is a tax code, else what is wrong with it (for API clients). */
    public static String problem(String typed) {
        Matcher m = FORM.matcher(compact(typed));
        if (!m.matches()) {
            return "a tax code is 10 digits, or 13 written 0123456789-001";
        }
        if (!checkDigitHolds(m.group(1))) {
            return "the check digit (the 10th) does not match the first nine digits: please check the number";
        }
        return "000".equals(m.group(2)) ? "a branch's suffix runs from 001" : null;
    }

    /** Whether the tenth digit is the check digit of the first nine. */
    public static boolean checkDigitHolds(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (tenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 10 - sum % 11;
        return check <= 9 && tenDigits.charAt(9) - '0' == check;
    }

    /** The written form ({@code 0123456789} or {@code 0123456789-001}), or null when it is not one. */
    static String normalise(String typed) {
        Matcher m = FORM.matcher(compact(typed));
        return !m.matches() ? null : m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
    }

    private static String compact(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s.]", "");
    }
}
