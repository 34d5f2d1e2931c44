package vn.ocop.storefront.web.complaints;

import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.CheckedImage;
import vn.ocop.catalog.listings.ImageRejected;
import vn.ocop.orders.Complaint;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/** Complaint and review photos: uploads read into memory no further than the largest image kept; a kept photo as an answer. */
public final class PhotoUploads {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private PhotoUploads() {
    }

    /** The uploaded files' bytes (empty file inputs left out); more than 3 is INVALID_REQUEST before any is read. */
    public static Mono<List<byte[]>> read(List<FilePart> files) {
        List<FilePart> given = files == null ? List.of() : files.stream().filter(f -> f.filename() != null && !f.filename().isBlank()).toList();
        if (given.size() > Complaint.MAX_PHOTOS) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "at most " + Complaint.MAX_PHOTOS + " photos"));
        }
        return Flux.fromIterable(given).concatMap(PhotoUploads::bytes).collectList();
    }

    private static Mono<byte[]> bytes(FilePart file) {
        return DataBufferUtils.join(file.content(), MAX_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> ImageRejected.tooLarge(MAX_BYTES));
    }

    static ResponseEntity<byte[]> answer(CheckedImage photo) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).body(photo.bytes());
    }
}
