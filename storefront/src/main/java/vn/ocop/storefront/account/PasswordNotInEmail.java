package vn.ocop.storefront.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * The password does not contain the e-mail address's part before the {@code @} (in any case), when that part has
 * 3 characters or more: it is the first thing anyone who knows the address tries. Reported on the field
 * {@code password}; pages show the message code {@code PasswordNotInEmail.password}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordNotInEmail.Check.class)
public @interface PasswordNotInEmail {

    String message() default "must not contain the part of the e-mail address before the @";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PasswordNotInEmail, RegistrationForm> {

        @Override
        public boolean isValid(RegistrationForm form, ConstraintValidatorContext context) {
            if (form == null || allows(form.email(), form.password())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("password").addConstraintViolation();
            return false;
        }

        static boolean allows(String email, String password) {
            if (email == null || password == null) {
                return true;
            }
            int at = email.lastIndexOf('@');
            String local = (at < 0 ? email : email.substring(0, at)).trim().toLowerCase(Locale.ROOT);
            return local.length() < 3 || !password.toLowerCase(Locale.ROOT).contains(local);
        }
    }
}
