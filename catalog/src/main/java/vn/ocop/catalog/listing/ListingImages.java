package vn.ocop.catalog.listing;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ImageRejected;
import vn.ocop.catalog.ImageRejected.Rule;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.StoredImage;

/**
 * A product's images: JPEG, PNG or WebP by their bytes, at most {@code ocop.images.max-bytes} each (2 MB),
 * {@value ImageNormaliser#MAX_SIDE} px a side and {@value #MAX_PER_PRODUCT} per product. What is kept is the
 * copy {@link ImageNormaliser} writes (JPEG or PNG, no metadata); it goes to {@code ocop.images-dir} as
 * {@code <uuid>.<ext>}, then its row is written; if the row cannot be written the file is removed again.
 */
@Component
public class ListingImages {

    static final int MAX_PER_PRODUCT = 8;
    private static final Pattern FILE_NAME = Pattern.compile("^[0-9a-f-]{36}\\.(jpg|png|webp)$");
    private static final String INSERT = """
            insert into product_image (id, product_id, file_name, content_type, size_bytes, position)
            values (:id, :product, :file, :type, :size, :position)""";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final ImageNormaliser normaliser;
    private final ImageFiles files;
    private final int maxBytes;

    ListingImages(DatabaseClient db, TransactionalOperator transactions, ImageNormaliser normaliser,
                  @Value("${ocop.images-dir:data/images}") Path directory,
                  @Value("${ocop.images.max-bytes:2097152}") int maxBytes) {
        this.db = db;
        this.transactions = transactions;
        this.normaliser = normaliser;
        this.files = new ImageFiles(directory);
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Keeps the image for the product (whose ownership the caller has checked). */
    public Mono<StoredImage> add(ProductId product, byte[] bytes) {
        return Mono.fromCallable(() -> check(bytes))
                .flatMap(type -> count(product).flatMap(n -> n < MAX_PER_PRODUCT ? Mono.just(type) : Mono.error(tooMany())))
                .flatMap(type -> normaliser.normalise(type, bytes))
                .flatMap(image -> store(product, image));
    }

    /**
     * Checks an upload by the listing images' rules (type by its bytes, at most {@link #maxBytes()}, dimensions) and
     * answers the re-encoded copy (JPEG or PNG, no metadata) without keeping it; ImageRejected otherwise.
     */
    public Mono<vn.ocop.catalog.CheckedImage> checked(byte[] bytes) {
        return Mono.fromCallable(() -> check(bytes))
                .flatMap(type -> normaliser.normalise(type, bytes))
                .map(copy -> new vn.ocop.catalog.CheckedImage(copy.type().contentType, copy.bytes()));
    }

    /** A stored image by its file name; empty for a name that is not one of ours. */
    public Mono<StoredImage> find(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return Mono.empty();
        }
        return db.sql("select product_id, file_name, content_type, size_bytes from product_image where file_name = :file")
                .bind("file", fileName)
                .map((row, md) -> new StoredImage(new ProductId(row.get("product_id", UUID.class)), fileName,
                        row.get("content_type", String.class), row.get("size_bytes", Integer.class), files.pathOf(fileName)))
                .one();
    }

    private ImageType check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejected(Rule.EMPTY, "the image file is empty");
        }
        if (bytes.length > maxBytes) {
            throw ImageRejected.tooLarge(maxBytes);
        }
        return ImageType.sniff(bytes).orElseThrow(() -> new ImageRejected(Rule.UNSUPPORTED_TYPE,
                "only JPEG, PNG and WebP images are accepted; this file is none of them"));
    }

    private static ImageRejected tooMany() {
        return new ImageRejected(Rule.TOO_MANY, "a product has at most " + MAX_PER_PRODUCT + " images: remove one first");
    }

    private Mono<StoredImage> store(ProductId product, ImageNormaliser.Normalised copy) {
        UUID id = UUID.randomUUID();
        String fileName = id + "." + copy.type().extension;
        StoredImage image = new StoredImage(product, fileName, copy.type().contentType, copy.bytes().length, files.pathOf(fileName));
        return files.write(fileName, copy.bytes())
                .then(transactions.transactional(insertRow(id, image))
                        .onErrorResume(e -> files.delete(fileName).then(Mono.error(e))))
                .thenReturn(image);
    }

    /** Locks the product row so that two uploads at once cannot both take the eighth place. */
    private Mono<Void> insertRow(UUID id, StoredImage image) {
        return db.sql("select id from product where id = :product for update").bind("product", image.product().value()).then()
                .then(count(image.product()))
                .flatMap(n -> n >= MAX_PER_PRODUCT ? Mono.error(tooMany()) : db.sql(INSERT)
                        .bind("id", id)
                        .bind("product", image.product().value())
                        .bind("file", image.fileName())
                        .bind("type", image.contentType())
                        .bind("size", image.sizeBytes())
                        .bind("position", n.intValue())
                        .then());
    }

    private Mono<Long> count(ProductId product) {
        return db.sql("select count(*) as n from product_image where product_id = :product")
                .bind("product", product.value())
                .map((row, md) -> row.get("n", Long.class))
                .one();
    }
}
