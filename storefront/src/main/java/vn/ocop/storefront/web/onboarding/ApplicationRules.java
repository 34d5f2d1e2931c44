package vn.ocop.storefront.web.onboarding;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.ocop.catalog.producers.PayoutAccount;
import vn.ocop.catalog.producers.PhoneNumber;
import vn.ocop.catalog.producers.RegistrationNumber;
import vn.ocop.catalog.producers.TaxCode;
import vn.ocop.orders.Addresses;

/**
 * An application's fields keep the catalog's rules (the check digit of the tax code, a registration number fitting
 * the kind, a Vietnamese phone, a listed bank, 6 to 19 digits) and name an official province and one of its
 * communes. Each broken rule is reported on its field, with the catalog's words for API clients; pages show the
 * message code {@code ApplicationRules.<field>}. A field left empty is reported by its own constraint only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ApplicationRules.Check.class)
@interface ApplicationRules {

    String message() default "breaks an application rule";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring, which passes the address list in. */
    class Check implements ConstraintValidator<ApplicationRules, ApplicationForm> {

        private final Addresses addresses;

        Check(Addresses addresses) {
            this.addresses = addresses;
        }

        @Override
        public boolean isValid(ApplicationForm f, ConstraintValidatorContext context) {
            if (f == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean ok = report(context, "registrationNumber", f.kind() == null || blank(f.registrationNumber()) ? null
                    : RegistrationNumber.problem(f.kind(), f.registrationNumber()));
            ok &= report(context, "taxCode", blank(f.taxCode()) ? null : TaxCode.problem(f.taxCode()));
            ok &= report(context, "phone", blank(f.phone()) ? null : PhoneNumber.problem(f.phone()));
            ok &= report(context, "bank", blank(f.bank()) ? null : PayoutAccount.bankProblem(f.bank()));
            ok &= report(context, "accountNumber", blank(f.accountNumber()) ? null : PayoutAccount.numberProblem(f.accountNumber()));
            ok &= report(context, "accountHolder", blank(f.accountHolder()) ? null : PayoutAccount.holderProblem(f.accountHolder()));
            boolean province = blank(f.provinceCode()) || addresses.province(f.provinceCode()).isPresent();
            ok &= report(context, "provinceCode", province ? null : "not one of the 34 provinces' codes");
            ok &= report(context, "communeCode", !province || blank(f.provinceCode()) || blank(f.communeCode())
                    || addresses.commune(f.provinceCode(), f.communeCode()).isPresent() ? null : "not a commune of that province");
            return ok;
        }

        private static boolean report(ConstraintValidatorContext context, String field, String problem) {
            if (problem == null) {
                return true;
            }
            context.buildConstraintViolationWithTemplate(problem.replace("{", "(").replace("}", ")"))
                    .addPropertyNode(field).addConstraintViolation();
            return false;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
