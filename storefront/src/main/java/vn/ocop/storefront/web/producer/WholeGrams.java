package vn.ocop.storefront.web.producer;

import java.beans.PropertyEditorSupport;

/**
 * Reads a weight typed into a page's form as people write it ("650", "650 g", "1.200" or "1,200" for twelve
 * hundred), and anything else ("1,5 kg") as no value, which the form's NotNull rule then explains; see
 * {@link WholeDong} for why a form must not fail to convert.
 */
final class WholeGrams extends PropertyEditorSupport {

    private static final String PLAIN = "[0-9]{1,9}";
    private static final String IN_THOUSANDS = "[0-9]{1,3}([.,][0-9]{3}){1,2}";

    @Override
    public void setAsText(String text) {
        String typed = text == null ? "" : text.replaceAll("[\\s\u00a0]", "").replaceFirst("(?i)g$", "");
        String digits = typed.matches(IN_THOUSANDS) ? typed.replaceAll("[.,]", "") : typed;
        setValue(digits.matches(PLAIN) ? Integer.valueOf(digits) : null);
    }

    @Override
    public String getAsText() {
        return getValue() == null ? "" : getValue().toString();
    }
}
