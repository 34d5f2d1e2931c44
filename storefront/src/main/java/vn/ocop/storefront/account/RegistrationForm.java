package vn.ocop.storefront.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a new shopper types; the same limits apply to the page and the API. */
public record RegistrationForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Size(min = 8, max = 128) String password,
        String confirmPassword) {

    @AssertTrue(message = "{registration.passwords-differ}")
    public boolean isPasswordConfirmed() {
        return confirmPassword == null || confirmPassword.equals(password);
    }
}
