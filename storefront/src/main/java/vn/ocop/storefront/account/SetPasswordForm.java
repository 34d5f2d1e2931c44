package vn.ocop.storefront.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A password chosen through a one-time link: the rules of registration (10 to 128 characters, not among the
 * 10,000 most common; not containing the e-mail's part before the @ is checked against the link's account).
 */
record SetPasswordForm(
        @NotBlank @Size(min = 10, max = 128, message = "must have 10 to 128 characters") @NotCommonPassword String password,
        String confirmPassword) {

    @AssertTrue(message = "{registration.passwords-differ}")
    public boolean isPasswordConfirmed() {
        return confirmPassword == null || confirmPassword.equals(password);
    }
}
