package vn.ocop.catalog.listings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.ImageRejected.Rule;
import vn.ocop.catalog.ProductId;

/**
 * A product's images: JPEG, PNG or WebP by their bytes, at most {@code ocop.images.max-bytes} each (2 MB),
 * {@value ImageNormaliser#MAX_SIDE} px a side and {@value #MAX_PER_PRODUCT} per product. What is kept is the
 * copy {@link ImageNormaliser} writes (JPEG or PNG, no metadata) with its {@link Thumbnails}; they go to
 * {@code ocop.images-dir} as {@code <uuid>.<ext>} and {@code <uuid>-<side>.<ext>}, then their rows are written; if
 * the rows cannot be written the files are removed again.
 */
@Component
class ListingImages {

    static final int MAX_PER_PRODUCT = 8;
    private static final Pattern FILE_NAME = Pattern.compile("^[0-9a-f-]{36}(-[0-9]{3})?\\.(jpg|png|webp)$");
    private static final String INSERT = """
            insert into product_image (id, product_id, file_name, content_type, size_bytes, position, width, height)
            values (:id, :product, :file, :type, :size, :position, :width, :height)""";
    private static final String INSERT_THUMBNAIL = """
            insert into product_image_thumbnail (file_name, image_id, max_side, width, height, content_type, size_bytes)
            values (:file, :image, :side, :width, :height, :type, :size)""";
    private static final String PICTURES = """
            select p.id, p.name, p.ocop_group, i.file_name as image, i.width, i.height,
                   t.file_name as thumbnail, t.width as t_width, t.height as t_height
              from product p
              left join product_image i on i.product_id = p.id
              left join product_image_thumbnail t on t.image_id = i.id
             where p.id = any(:ids)
             order by p.id, i.position, i.created_at, i.id, t.max_side""";
    private static final String FIND = """
            select product_id, file_name, content_type, size_bytes from product_image where file_name = :file
            union all
            select i.product_id, t.file_name, t.content_type, t.size_bytes
              from product_image_thumbnail t join product_image i on i.id = t.image_id where t.file_name = :file""";

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
                .flatMap(type -> normaliser.normaliseWithThumbnails(type, bytes))
                .flatMap(kept -> store(product, kept));
    }

    /**
     * Checks an upload by the listing images' rules (type by its bytes, at most {@link #maxBytes()}, dimensions) and
     * answers the re-encoded copy (JPEG or PNG, no metadata) without keeping it; ImageRejected otherwise.
     */
    public Mono<vn.ocop.catalog.listings.CheckedImage> checked(byte[] bytes) {
        return Mono.fromCallable(() -> check(bytes))
                .flatMap(type -> normaliser.normalise(type, bytes))
                .map(copy -> new vn.ocop.catalog.listings.CheckedImage(copy.type().contentType, copy.bytes()));
    }

    /** A stored image or one of its thumbnails by its file name; empty for a name that is not one of ours. */
    public Mono<StoredImage> find(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return Mono.empty();
        }
        return db.sql(FIND)
                .bind("file", fileName)
                .map((row, md) -> new StoredImage(new ProductId(row.get("product_id", UUID.class)), fileName,
                        row.get("content_type", String.class), row.get("size_bytes", Integer.class), files.pathOf(fileName)))
                .one();
    }

    /** The products' names, groups and images (with their thumbnails), whatever the products' status. */
    public Flux<ProductPictures> pictures(Collection<ProductId> products) {
        if (products.isEmpty()) {
            return Flux.empty();
        }
        return db.sql(PICTURES)
                .bind("ids", products.stream().map(ProductId::value).distinct().toArray(UUID[]::new))
                .map((row, md) -> new PictureRow(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("ocop_group", String.class), row.get("image", String.class), row.get("width", Integer.class),
                        row.get("height", Integer.class), row.get("thumbnail", String.class),
                        row.get("t_width", Integer.class), row.get("t_height", Integer.class)))
                .all()
                .collectList()
                .flatMapIterable(PictureRow::assemble);
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

    /**
     * Writes the image as {@code <uuid>.<ext>} and its thumbnails as {@code <uuid>-<side>.<ext>}: a new upload gets a
     * new uuid, so a name always means the same bytes and browsers may keep them for a year.
     */
    private Mono<StoredImage> store(ProductId product, ImageNormaliser.Kept kept) {
        UUID id = UUID.randomUUID();
        ImageNormaliser.Normalised copy = kept.original();
        String fileName = id + "." + copy.type().extension;
        StoredImage image = new StoredImage(product, fileName, copy.type().contentType, copy.bytes().length, files.pathOf(fileName));
        List<String> written = new ArrayList<>();
        return Flux.concat(Flux.just(fileName), Flux.fromIterable(kept.thumbnails()).map(t -> thumbnailName(id, t)))
                .zipWith(Flux.concat(Flux.just(copy), Flux.fromIterable(kept.thumbnails()).map(Thumbnails.Thumbnail::copy)))
                .concatMap(file -> files.write(file.getT1(), file.getT2().bytes()).doOnNext(path -> written.add(file.getT1())))
                .then(transactions.transactional(insertRow(id, image, copy).then(insertThumbnails(id, kept.thumbnails()))))
                .onErrorResume(e -> Flux.fromIterable(written).concatMap(files::delete).then(Mono.error(e)))
                .thenReturn(image);
    }

    private static String thumbnailName(UUID image, Thumbnails.Thumbnail thumbnail) {
        return image + "-" + thumbnail.maxSide() + "." + thumbnail.copy().type().extension;
    }

    private Mono<Void> insertThumbnails(UUID image, List<Thumbnails.Thumbnail> thumbnails) {
        return Flux.fromIterable(thumbnails)
                .concatMap(t -> db.sql(INSERT_THUMBNAIL)
                        .bind("file", thumbnailName(image, t))
                        .bind("image", image)
                        .bind("side", t.maxSide())
                        .bind("width", t.copy().width())
                        .bind("height", t.copy().height())
                        .bind("type", t.copy().type().contentType)
                        .bind("size", t.copy().bytes().length)
                        .then())
                .then();
    }

    /** Locks the product row so that two uploads at once cannot both take the eighth place. */
    private Mono<Void> insertRow(UUID id, StoredImage image, ImageNormaliser.Normalised copy) {
        return db.sql("select id from product where id = :product for update").bind("product", image.product().value()).then()
                .then(count(image.product()))
                .flatMap(n -> n >= MAX_PER_PRODUCT ? Mono.error(tooMany()) : db.sql(INSERT)
                        .bind("id", id)
                        .bind("product", image.product().value())
                        .bind("file", image.fileName())
                        .bind("type", image.contentType())
                        .bind("size", image.sizeBytes())
                        .bind("position", n.intValue())
                        .bind("width", copy.width())
                        .bind("height", copy.height())
                        .then());
    }

    private Mono<Long> count(ProductId product) {
        return db.sql("select count(*) as n from product_image where product_id = :product")
                .bind("product", product.value())
                .map((row, md) -> row.get("n", Long.class))
                .one();
    }
}
