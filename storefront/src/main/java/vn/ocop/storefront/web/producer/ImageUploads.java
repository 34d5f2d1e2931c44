package vn.ocop.storefront.web.producer;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.ImageRejected;

/** Reads an uploaded file into memory, but no further than the largest image the catalog keeps. */
final class ImageUploads {

    private ImageUploads() {
    }

    static Mono<byte[]> bytes(FilePart file, int maxBytes) {
        return DataBufferUtils.join(file.content(), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> ImageRejected.tooLarge(maxBytes));
    }
}
