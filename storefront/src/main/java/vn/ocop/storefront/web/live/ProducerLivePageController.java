package vn.ocop.storefront.web.live;

import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogClock;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockLevel;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.EventPlan;
import vn.ocop.orders.LiveSales;
import vn.ocop.orders.OfferTerms;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.Confirmation;

/** The producer's events and an event's control room: go live, pin a product, open and close flash offers, end. */
@Controller
@RequestMapping("/producer/live")
class ProducerLivePageController {

    private final LiveSales live;
    private final StockReports stock;
    private final Catalog catalog;
    private final CurrentAccount current;
    private final Locations locations;

    ProducerLivePageController(LiveSales live, StockReports stock, Catalog catalog, CurrentAccount current, Locations locations) {
        this.live = live;
        this.stock = stock;
        this.catalog = catalog;
        this.current = current;
        this.locations = locations;
    }

    record PlanForm(String title, String videoUrl, LocalDateTime plannedStart, LocalDateTime plannedEnd) {
        EventPlan plan() {
            return new EventPlan(title, videoUrl, plannedStart == null ? null : plannedStart.atZone(CatalogClock.ZONE).toOffsetDateTime(),
                    plannedEnd == null ? null : plannedEnd.atZone(CatalogClock.ZONE).toOffsetDateTime());
        }
    }

    record PinForm(UUID productId) {
    }

    /** {@code stocked} is "productId:locationId", one of the choices the room lists. */
    record OfferForm(String stocked, Long flashPriceVnd, Integer cap, Integer perBuyer) {
        OfferTerms terms() {
            String[] ids = stocked == null ? new String[0] : stocked.split(":");
            if (ids.length != 2 || flashPriceVnd == null || cap == null || perBuyer == null || flashPriceVnd < 1) {
                throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "choose a product at a location, a flash price, a cap and a limit per buyer");
            }
            return new OfferTerms(new ProductId(UUID.fromString(ids[0])), new LocationId(UUID.fromString(ids[1])), new Vnd(flashPriceVnd), cap, perBuyer);
        }
    }

    @GetMapping
    Mono<String> mine(Model model) {
        return current.producer().flatMap(p -> listPage(p, model, null, null));
    }

    @PostMapping
    Mono<String> schedule(@Valid @ModelAttribute PlanForm form, ServerWebExchange exchange, Model model) {
        return current.producer().flatMap(p -> Mono.fromCallable(form::plan).flatMap(plan -> live.schedule(p, plan))
                .map(e -> "redirect:/producer/live/" + e.id())
                .onErrorResume(OrdersException.class, e -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return listPage(p, model, LivePages.problem(e), form);
                }));
    }

    @GetMapping("/{id}")
    Mono<String> room(@PathVariable UUID id, Model model) {
        return current.producer().flatMap(p -> roomPage(p, id, model, null));
    }

    /** Ending or cancelling an event cannot be undone: the control room's "Tôi xác nhận" box must be checked. */
    record MoveForm(Boolean confirmed) {
    }

    @PostMapping("/{id}/{action:start|end|cancel}")
    Mono<String> move(@PathVariable UUID id, @PathVariable String action, @ModelAttribute MoveForm form, ServerWebExchange exchange, Model model) {
        if (!"start".equals(action) && !Confirmation.given(form.confirmed())) {
            Confirmation.refuse(exchange);
            return current.producer().flatMap(p -> roomPage(p, id, model, new LivePages(Confirmation.REQUIRED)));
        }
        return act(id, exchange, model, p -> switch (action) {
            case "start" -> live.start(p, id).then();
            case "end" -> live.end(p, id).then();
            default -> live.cancel(p, id).then();
        });
    }

    @PostMapping("/{id}/pin")
    Mono<String> pin(@PathVariable UUID id, @ModelAttribute PinForm form, ServerWebExchange exchange, Model model) {
        return act(id, exchange, model, p -> form.productId() == null
                ? Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "choose a product to pin"))
                : live.pin(p, id, new ProductId(form.productId())).then());
    }

    @PostMapping("/{id}/offers")
    Mono<String> open(@PathVariable UUID id, @Valid @ModelAttribute OfferForm form, ServerWebExchange exchange, Model model) {
        return act(id, exchange, model, p -> Mono.fromCallable(form::terms).flatMap(terms -> live.open(p, id, terms)).then());
    }

    @PostMapping("/{id}/offers/{offerId}/close")
    Mono<String> close(@PathVariable UUID id, @PathVariable UUID offerId, ServerWebExchange exchange, Model model) {
        return act(id, exchange, model, p -> live.close(p, id, offerId).then());
    }

    private Mono<String> act(UUID id, ServerWebExchange exchange, Model model, java.util.function.Function<ProducerId, Mono<Void>> action) {
        return current.producer().flatMap(p -> action.apply(p)
                .thenReturn("redirect:/producer/live/" + id + "?done")
                .onErrorResume(OrdersException.class, e -> {
                    exchange.getResponse().setStatusCode(e.code() == OrdersErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
                    return roomPage(p, id, model, LivePages.problem(e));
                }));
    }

    private Mono<String> listPage(ProducerId producer, Model model, LivePages problem, PlanForm form) {
        model.addAttribute("problem", problem);
        model.addAttribute("form", form == null ? new PlanForm("", "", null, null) : form);
        model.addAttribute("events", live.ofProducer(producer).collectList());
        return Mono.just("producer/live");
    }

    private Mono<String> roomPage(ProducerId producer, UUID id, Model model, LivePages problem) {
        model.addAttribute("problem", problem);
        return live.event(id).filter(e -> e.producer().equals(producer))
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no live event " + id)))
                .then(live.state(id))
                .doOnNext(s -> model.addAttribute("state", s))
                .then(stock.ofProducer(producer, catalog.today()).filter(StockLevel::sellable).collectList())
                .flatMap(levels -> reactor.core.publisher.Flux.fromIterable(levels).map(StockLevel::location).distinct()
                        .concatMap(l -> locations.get(l)).collectMap(vn.ocop.catalog.locations.Location::id, vn.ocop.catalog.locations.Location::name)
                        .doOnNext(names -> {
                            model.addAttribute("products", levels.stream().map(l -> new Choice(l.product().value().toString(), l.productName(), 0, l.price()))
                                    .distinct().sorted(Comparator.comparing(Choice::label)).toList());
                            model.addAttribute("stocked", levels.stream().filter(l -> l.available() > 0)
                                    .map(l -> new Choice(l.product().value() + ":" + l.location().value(),
                                            l.productName() + " — " + names.getOrDefault(l.location(), "?"), l.available(), l.price()))
                                    .sorted(Comparator.comparing(Choice::label)).toList());
                        }))
                .thenReturn("producer/live-room");
    }

    /** One option of the room's lists: a product (to pin) or a product at a location with its available units (for an offer). */
    public record Choice(String value, String label, int available, Vnd listPrice) {
    }
}
