package vn.ocop.storefront.input;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form fields, query parameters, path variables and headers bound to text go through the same plain-text check as
 * JSON. A form (a model attribute) is checked as part of its validation, so a page that shows its form's errors
 * shows this one beside the field ("plainText" in the message bundles); a lone parameter is a 400 problem naming it.
 * Either way a control character never reaches the database.
 */
@ControllerAdvice
class PlainTextBinding {

    @InitBinder
    void plainText(WebDataBinder binder) {
        boolean form = binder.getTarget() != null || binder.getTargetType() != null;
        if (form) {
            binder.addValidators(new PlainTextFields());
        } else {
            binder.registerCustomEditor(String.class, new PlainTextEditor());
        }
    }

    static final class PlainTextEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text != null && !PlainText.acceptable(text)) {
                throw new IllegalArgumentException(PlainText.PROBLEM);
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    /** Rejects every text field (or list of texts) of a form that holds a control character. */
    static final class PlainTextFields implements Validator {
        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            if (target.getClass().isRecord()) {
                for (RecordComponent c : target.getClass().getRecordComponents()) {
                    check(c.getName(), read(c, target), errors);
                }
                return;
            }
            BeanWrapperImpl bean = new BeanWrapperImpl(target);
            for (var p : bean.getPropertyDescriptors()) {
                if (bean.isReadableProperty(p.getName()) && !p.getName().equals("class")) {
                    check(p.getName(), bean.getPropertyValue(p.getName()), errors);
                }
            }
        }

        private static void check(String field, Object value, Errors errors) {
            boolean bad = value instanceof String s && !PlainText.acceptable(s)
                    || value instanceof Collection<?> list && list.stream().anyMatch(v -> v instanceof String s && !PlainText.acceptable(s));
            if (bad && !errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "plainText", PlainText.PROBLEM);
            }
        }

        private static Object read(RecordComponent c, Object target) {
            try {
                return c.getAccessor().invoke(target);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    }
}
