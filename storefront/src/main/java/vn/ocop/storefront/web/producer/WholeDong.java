package vn.ocop.storefront.web.producer;

import java.beans.PropertyEditorSupport;

/**
 * Reads a number typed into a page's form as people write amounts in Vietnam ("125.000", "125 000 ₫"), and
 * anything that is not a whole number as no value, which the form's NotNull rule then explains. WebFlux
 * refuses the whole request when a record form's field cannot be converted, so a page would show a bare
 * 400 instead of the message on the form.
 */
final class WholeDong extends PropertyEditorSupport {

    private static final int MAX_DIGITS = 18;

    @Override
    public void setAsText(String text) {
        String digits = text == null ? "" : text.replaceAll("[.\\s\u00a0₫đ]", "");
        setValue(digits.matches("[0-9]{1," + MAX_DIGITS + "}") ? Long.valueOf(digits) : null);
    }

    @Override
    public String getAsText() {
        return getValue() == null ? "" : getValue().toString();
    }
}
