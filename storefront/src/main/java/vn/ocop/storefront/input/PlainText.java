package vn.ocop.storefront.input;

/**
 * Text people type may hold letters of any script, tabs and line breaks, but no other control character: NUL
 * cannot be stored by PostgreSQL at all, and the rest (escape sequences, backspace, C1 codes) only ever come
 * from a broken client or an attack on whoever reads the text later (a terminal, a log, a till's screen).
 */
public final class PlainText {

    private PlainText() {
    }

    public static final String PROBLEM = "contains a control character (such as NUL); only printable text, tabs and line breaks are accepted";

    public static boolean acceptable(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f) {
                return false;
            }
        }
        return true;
    }
}
