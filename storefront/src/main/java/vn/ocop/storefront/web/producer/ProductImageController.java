package vn.ocop.storefront.web.producer;

import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.listings.StoredImage;

/**
 * Product images and their thumbnails ({@code <uuid>-320.jpg}), for anyone. The file is streamed from disk through an
 * AsynchronousFileChannel, so no event-loop thread waits for it. A name is never reused (a new upload gets a new
 * uuid), so browsers may keep an image for a year without asking again.
 */
@RestController
class ProductImageController {

    private static final Pattern FILE_NAME = Pattern.compile("^[0-9a-f-]{36}(-[0-9]{3})?\\.(jpg|png|webp)$");
    private static final int CHUNK = 8192;

    private final Listings listings;

    ProductImageController(Listings listings) {
        this.listings = listings;
    }

    @GetMapping(Links.IMAGES + "{file}")
    Mono<ResponseEntity<Flux<DataBuffer>>> image(@PathVariable String file, ServerHttpResponse response) {
        if (!FILE_NAME.matcher(file).matches()) {
            return Mono.error(noSuchImage());
        }
        return listings.image(file)
                .switchIfEmpty(Mono.error(ProductImageController::noSuchImage))
                .map(image -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(image.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .body(stream(image, response)));
    }

    private static Flux<DataBuffer> stream(StoredImage image, ServerHttpResponse response) {
        return DataBufferUtils.read(image.path(), response.bufferFactory(), CHUNK)
                .onErrorMap(NoSuchFileException.class, e -> noSuchImage());
    }

    private static ResponseStatusException noSuchImage() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such image.");
    }
}
