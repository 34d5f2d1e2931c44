package vn.ocop.storefront.web.media;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductPictures;

/**
 * The pictures of the products a page lists, by product id, for {@code fragments/picture.html}: one query for the
 * whole page. A product that no longer exists has no entry (the fragment then shows nothing).
 */
@Component
public class Pictures {

    private final Listings listings;

    Pictures(Listings listings) {
        this.listings = listings;
    }

    public Mono<Map<UUID, Pictured>> of(Collection<UUID> products) {
        return listings.pictures(products.stream().map(ProductId::new).toList())
                .collectMap(p -> p.product().value(), Pictures::pictured);
    }

    /** The pictures of what a page's list will hold, once it is known (the list is read once: cache it if reused). */
    public <T> Mono<Map<UUID, Pictured>> of(Mono<? extends Collection<T>> items, Function<T, UUID> product) {
        return items.flatMap(list -> of(list.stream().map(product).distinct().toList()));
    }

    public Mono<Pictured> of(UUID product) {
        return of(List.of(product)).mapNotNull(byId -> byId.get(product));
    }

    private static Pictured pictured(ProductPictures p) {
        return new Pictured(p.name(), p.images().stream().map(Picture::of).toList(), Illustration.of(p.group(), p.name()));
    }
}
