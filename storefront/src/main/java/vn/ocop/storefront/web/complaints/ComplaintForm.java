package vn.ocop.storefront.web.complaints;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.codec.multipart.FilePart;
import vn.ocop.orders.ComplaintReason;

/** A new complaint, as a multipart form (the page's and the API's): the order line, why, the text and up to 3 photos. */
record ComplaintForm(@NotNull @Min(1) @Max(999) Integer line, @NotNull ComplaintReason reason, @NotNull @Size(min = 10, max = 2000) String text,
                     List<FilePart> photos) {
}
