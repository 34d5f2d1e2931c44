package vn.ocop.storefront.input;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /**
     * Rejects every text field (or list of texts) of a form that holds a control character. Most forms are records
     * visible only in their controller's package, whose accessors this package may not call as they are: each record's
     * accessors are opened once and kept (before, reading one failed, and the field went unchecked, with an exception
     * thrown and caught per field per request).
     */
    static final class PlainTextFields implements Validator {

        private static final ClassValue<List<Field>> RECORD_FIELDS = new ClassValue<>() {
            @Override
            protected List<Field> computeValue(Class<?> type) {
                return Arrays.stream(type.getRecordComponents()).map(c -> {
                    Method accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    return new Field(c.getName(), accessor);
                }).toList();
            }
        };

        private record Field(String name, Method accessor) {
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            if (target.getClass().isRecord()) {
                for (Field f : RECORD_FIELDS.get(target.getClass())) {
                    check(f.name(), read(f, target), errors);
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

        private static Object read(Field f, Object target) {
            try {
                return f.accessor().invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the form's " + f.name() + " could not be read for the plain-text check", e);
            }
        }
    }
}
