package vn.ocop.storefront.web.reviews;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.codec.multipart.FilePart;

/** A review, as a multipart form (the page's and the API's): 1–5 stars, an optional comment and up to 3 photos. */
record ReviewForm(@NotNull @Min(1) @Max(5) Integer stars, @Size(max = 2000) String comment, List<FilePart> photos) {
}
