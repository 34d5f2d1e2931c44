package vn.ocop.storefront.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a new shopper types; the same limits apply to the page and the API. A password has 10 to 128 characters,
 * is not among the 10,000 most common and does not contain the e-mail's part before the @. The phone number is a
 * Vietnamese one ({@link VietnamesePhone}): the page requires it, the API takes it when given. The messages here are
 * for API clients; pages show the message codes of messages*.properties in the reader's language.
 */
@PasswordNotInEmail
public record RegistrationForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String displayName,
        @VietnamesePhone String phone,
        @NotBlank @Size(min = 10, max = 128, message = "must have 10 to 128 characters") @NotCommonPassword String password,
        String confirmPassword) {

    @AssertTrue(message = "{registration.passwords-differ}")
    public boolean isPasswordConfirmed() {
        return confirmPassword == null || confirmPassword.equals(password);
    }
}
