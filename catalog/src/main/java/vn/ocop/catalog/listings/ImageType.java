package vn.ocop.catalog.listings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image types a producer may upload, recognised by the first bytes of the file (its magic number): the name
 * and the content type a browser declares are not trusted. The first bytes only choose the decoder
 * ({@link ImageNormaliser}); what is kept is always a JPEG or PNG written afresh (WebP files stored before that
 * are still served).
 */
enum ImageType {
    JPEG("jpg", "image/jpeg", "jpeg", "JPEG"),
    PNG("png", "image/png", "png", "PNG"),
    WEBP("webp", "image/webp", "webp", "WebP");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_MAGIC = "WEBP".getBytes(StandardCharsets.US_ASCII);

    final String extension;
    final String contentType;
    /** ImageIO's name for the format. */
    final String formatName;
    /** The name people know it by. */
    final String label;

    ImageType(String extension, String contentType, String formatName, String label) {
        this.extension = extension;
        this.contentType = contentType;
        this.formatName = formatName;
        this.label = label;
    }

    static Optional<ImageType> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_MAGIC)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }
}
