package vn.ocop.storefront.web.council;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a council revokes a ranking; shown to everyone who verifies the product. */
record RevokeForm(@NotBlank @Size(min = 5, max = 500) String reason) {
}
