package vn.ocop.storefront.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The password is not among the 10,000 most common ({@link CommonPasswords}). The message is for API clients;
 * pages show the message code {@code NotCommonPassword.password} in the reader's language.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotCommonPassword.Check.class)
public @interface NotCommonPassword {

    String message() default "is one of the 10,000 most common passwords: choose another";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring, which passes the list in. */
    class Check implements ConstraintValidator<NotCommonPassword, String> {

        private final CommonPasswords common;

        Check(CommonPasswords common) {
            this.common = common;
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return !common.contains(password);
        }
    }
}
