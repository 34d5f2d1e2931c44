package vn.ocop.storefront.web.onboarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why ADMIN rejects an application or suspends a producer: told to the applicant, shown to the producer. */
record ReasonForm(@NotBlank @Size(min = 5, max = 500) String reason) {
}
