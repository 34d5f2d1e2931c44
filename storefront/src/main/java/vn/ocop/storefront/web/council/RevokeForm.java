package vn.ocop.storefront.web.council;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a council revokes a ranking (shown to everyone who verifies the product), and the "Tôi xác nhận" box. */
record RevokeForm(@NotBlank @Size(min = 5, max = 500) String reason, Boolean confirmed) {

    RevokeForm(String reason) {
        this(reason, null);
    }
}
