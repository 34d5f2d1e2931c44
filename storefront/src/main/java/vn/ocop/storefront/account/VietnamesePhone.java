package vn.ocop.storefront.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.ocop.catalog.producers.PhoneNumber;

/**
 * A Vietnamese phone number as {@link PhoneNumber} reads it: a mobile of ten digits from 03, 05, 07, 08 or 09 (or
 * with +84 for the 0), or a landline of eleven from 02, spaces, dots and dashes allowed. Blank passes: whether one is
 * required is the form's say. The message is for API clients; pages show {@code VietnamesePhone.phone}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VietnamesePhone.Check.class)
public @interface VietnamesePhone {

    String message() default "must be a Vietnamese mobile (10 digits from 03, 05, 07, 08, 09, or +84 instead of the 0) "
            + "or landline (11 digits from 02) number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<VietnamesePhone, String> {

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            return typed == null || typed.isBlank() || typed.length() <= 30 && PhoneNumber.problem(typed) == null;
        }
    }
}
