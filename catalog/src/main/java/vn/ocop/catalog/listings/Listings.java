package vn.ocop.catalog.listings;

import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.Ranking;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.rankings.Certifications;

/**
 * What a producer does with its own listings. Every method takes the acting producer and sees only its
 * products: someone else's product is NOT_FOUND and stays as it was. Changes are guarded by the listing's
 * version (STALE_VERSION) and state (INVALID_STATE), and each raises the version.
 */
@Service
public class Listings {

    private final ProducerListings listings;
    private final Certifications certifications;
    private final ListingImages images;
    private final Catalog catalog;

    Listings(ProducerListings listings, Certifications certifications, ListingImages images, Catalog catalog) {
        this.listings = listings;
        this.certifications = certifications;
        this.images = images;
        this.catalog = catalog;
    }

    /** The producer's listings by name, each with its rankings and whether it is on sale today. */
    public Flux<Listing> of(ProducerId producer) {
        return listings.rows(producer).collectList().flatMapMany(this::assemble);
    }

    public Mono<Listing> get(ProducerId producer, ProductId id) {
        return own(producer, id).flatMap(row -> assemble(List.of(row)).single());
    }

    /** A new DRAFT at version 0 with a fresh verification code. */
    public Mono<Listing> create(ProducerId producer, ListingDetails details) {
        return listings.create(producer, details).flatMap(id -> get(producer, id));
    }

    /**
     * Rewrites what the listing says, its shipping weight included (a demo price or weight is the producer's from
     * then on); fails with STALE_VERSION unless it is still at {@code expectedVersion}.
     */
    public Mono<Listing> edit(ProducerId producer, ProductId id, long expectedVersion, ListingDetails details) {
        return listings.edit(producer, id, expectedVersion, details).then(get(producer, id));
    }

    /** DRAFT or ARCHIVED becomes ACTIVE; it is on sale once it also holds a valid ranking. */
    public Mono<Listing> publish(ProducerId producer, ProductId id) {
        return listings.publish(producer, id).then(get(producer, id));
    }

    /** DRAFT or ACTIVE becomes ARCHIVED: off sale, and not editable until published again. */
    public Mono<Listing> archive(ProducerId producer, ProductId id) {
        return listings.archive(producer, id).then(get(producer, id));
    }

    /**
     * Keeps a JPEG, PNG or WebP upload (decided by its bytes) of at most {@link #maxImageBytes()} and 6,000 px a
     * side, eight per product, as a re-encoded JPEG or PNG copy without metadata; ImageRejected otherwise.
     */
    public Mono<StoredImage> addImage(ProducerId producer, ProductId id, byte[] bytes) {
        return own(producer, id).flatMap(row -> images.add(row.id(), bytes));
    }

    public int maxImageBytes() {
        return images.maxBytes();
    }

    /** A stored image or thumbnail, for anyone to see; empty when the name is not one of ours. */
    public Mono<StoredImage> image(String fileName) {
        return images.find(fileName);
    }

    /**
     * What pages need to picture these products (name, OCOP group, images with their sizes and thumbnails),
     * whatever their status: an order line shows what was bought. Products that do not exist are left out.
     */
    public Flux<ProductPictures> pictures(java.util.Collection<ProductId> ids) {
        return images.pictures(ids);
    }

    /** The producer's rankings that allow sale today and end within {@code days} (1 to 365), soonest first. */
    public Flux<ExpiringListing> expiring(ProducerId producer, int days) {
        if (days < 1 || days > 365) {
            return Flux.error(new IllegalArgumentException("days must be 1 to 365: " + days));
        }
        LocalDate today = catalog.today();
        return listings.rows(producer).collectList()
                .flatMapMany(rows -> certifications.ofProducts(rows.stream().map(ProductRow::id).toList())
                        .flatMapIterable(rankings -> expiringWithin(rows, rankings, today, days)));
    }

    private Mono<ProductRow> own(ProducerId producer, ProductId id) {
        return listings.row(producer, id).switchIfEmpty(Mono.error(() -> CatalogException.notFound("product " + id.value())));
    }

    private Flux<Listing> assemble(List<ProductRow> rows) {
        if (rows.isEmpty()) {
            return Flux.empty();
        }
        List<ProductId> ids = rows.stream().map(ProductRow::id).toList();
        LocalDate today = catalog.today();
        return Mono.zip(certifications.ofProducts(ids), listings.imageFiles(ids))
                .flatMapIterable(t -> rows.stream()
                        .map(row -> row.toListing(t.getT1().getOrDefault(row.id(), List.of()),
                                t.getT2().getOrDefault(row.id(), List.of()), today))
                        .toList());
    }

    /** The producer's rankings valid today that end within {@code days}, soonest first. */
    private static List<ExpiringListing> expiringWithin(List<ProductRow> products, Map<ProductId, List<Ranking>> rankings,
                                                        LocalDate today, int days) {
        LocalDate last = today.plusDays(days);
        return products.stream()
                .flatMap(p -> rankings.getOrDefault(p.id(), List.of()).stream()
                        .filter(r -> r.allowsSaleOn(today) && !r.validUntil().isAfter(last))
                        .map(r -> new ExpiringListing(p.id(), p.name(), r, ChronoUnit.DAYS.between(today, r.validUntil()))))
                .sorted(Comparator.comparing((ExpiringListing e) -> e.ranking().validUntil())
                        .thenComparing(ExpiringListing::productName))
                .toList();
    }
}
