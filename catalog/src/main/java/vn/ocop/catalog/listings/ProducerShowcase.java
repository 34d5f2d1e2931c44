package vn.ocop.catalog.listings;

import vn.ocop.catalog.producers.ProducerRecords;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.Ranking;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.rankings.Certifications;

/** Producers' public pages: an unknown or suspended producer is NOT_FOUND, as a product off sale is. */
@Service
public class ProducerShowcase {

    private final ProducerRecords producers;
    private final Catalog catalog;
    private final Certifications certifications;
    private final ProductRatings ratings;

    ProducerShowcase(ProducerRecords producers, Catalog catalog, Certifications certifications, ProductRatings ratings) {
        this.producers = producers;
        this.catalog = catalog;
        this.certifications = certifications;
        this.ratings = ratings;
    }

    public Mono<ProducerPage> page(ProducerId id) {
        return producers.find(id).filter(p -> !p.suspended())
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("producer " + id.value())))
                .flatMap(p -> catalog.sellableProducts(id).collectList()
                        .flatMap(cards -> Mono.zip(certifications.ofProducts(cards.stream().map(c -> new ProductId(c.id())).toList()),
                                        ratings.ofProducer(id))
                                .map(t -> new ProducerPage(id, p.name(), p.kind(), p.province(), p.commune(), cards,
                                        onSale(cards, t.getT1(), catalog.today()), t.getT2()))));
    }

    /** Each product's rankings valid today, most stars first, then by product name. */
    private static List<ProducerPage.OnSaleRanking> onSale(List<ProductCard> cards, Map<ProductId, List<Ranking>> rankings, LocalDate today) {
        return cards.stream()
                .flatMap(c -> rankings.getOrDefault(new ProductId(c.id()), List.of()).stream().filter(r -> r.allowsSaleOn(today))
                        .map(r -> new ProducerPage.OnSaleRanking(new ProductId(c.id()), c.name(), r)))
                .sorted(Comparator.comparing((ProducerPage.OnSaleRanking r) -> -r.ranking().stars().value())
                        .thenComparing(ProducerPage.OnSaleRanking::productName))
                .toList();
    }
}
