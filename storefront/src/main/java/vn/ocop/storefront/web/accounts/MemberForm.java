package vn.ocop.storefront.web.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom a producer's owner invites: their e-mail (their sign-in) and name. */
record MemberForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(min = 2, max = 100) String displayName) {
}
