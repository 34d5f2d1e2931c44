package vn.ocop.storefront.web.recall;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.ocop.catalog.lots.Recall;

/** Why a lot is recalled (shown on the lot's verify page, the orders it reached and in their e-mails), and the "Tôi xác nhận" box. */
record RecallForm(@NotBlank @Size(max = Recall.MAX_REASON) String reason, Boolean confirmed) {

    static RecallForm blank() {
        return new RecallForm("", null);
    }
}
