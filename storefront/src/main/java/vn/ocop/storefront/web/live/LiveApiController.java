package vn.ocop.storefront.web.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.EventPlan;
import vn.ocop.orders.LiveSales;
import vn.ocop.orders.LiveStatus;
import vn.ocop.orders.OfferTerms;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.live.LiveJson.ClaimJson;
import vn.ocop.storefront.web.live.LiveJson.ClaimView;
import vn.ocop.storefront.web.live.LiveJson.EventView;
import vn.ocop.storefront.web.live.LiveJson.OfferJson;
import vn.ocop.storefront.web.live.LiveJson.OfferView;
import vn.ocop.storefront.web.live.LiveJson.PinJson;
import vn.ocop.storefront.web.live.LiveJson.PlanJson;
import vn.ocop.storefront.web.live.LiveJson.StateView;

/** Live sale events: anyone watches (state and Server-Sent Events), their producer runs them, signed-in shoppers claim flash units. */
@RestController
@Tag(name = "Live sales", description = "Livestream sale events: schedule, go live, pin, flash offers, claims, and the viewers' event stream")
class LiveApiController {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final byte[] KEEP_ALIVE = ":keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = new byte[0];

    /** One clock for every stream's keep-alive (not a timer per viewer): it runs while anyone watches. */
    private final Flux<Long> ticks = Flux.interval(HEARTBEAT).share();

    private final LiveSales live;
    private final CurrentAccount current;
    private final NewsJson json;

    LiveApiController(LiveSales live, CurrentAccount current, NewsJson json) {
        this.live = live;
        this.current = current;
        this.json = json;
    }

    @GetMapping("/api/v1/live")
    @Operation(summary = "Live and upcoming events", description = "status: any of SCHEDULED, LIVE, ENDED, CANCELLED (default LIVE,SCHEDULED).")
    Flux<EventView> listed(@RequestParam(defaultValue = "LIVE,SCHEDULED") List<LiveStatus> status) {
        return live.listed(status).map(EventView::of);
    }

    @GetMapping("/api/v1/live/{id}")
    @Operation(summary = "An event's state now: the event, the pinned product with its flash offer, open offers, viewers")
    Mono<StateView> state(@PathVariable UUID id) {
        return live.state(id).map(StateView::of);
    }

    @GetMapping(path = "/api/v1/live/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The event's pushes (Server-Sent Events)",
            description = "First `state` (the whole state; also after reconnecting with Last-Event-ID), then `started`, `pinned`, `offer-opened`, "
                    + "`offer-closed`, `ended` (each with the new state), `remaining` ({offerId, remaining}) and `viewers` ({viewers}); a comment "
                    + "keeps the connection open when 15 s pass without an event. Viewers count once per account, or per client address when not "
                    + "signed in, however many streams they open. A client that does not read its stream is cut off once "
                    + LiveSales.BACKLOG + " events wait for it, and reconnects.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    Mono<Void> events(@PathVariable UUID id, ServerHttpRequest request, ServerHttpResponse response) {
        // each push's bytes are shared by every viewer (NewsJson); the stream ends after `ended`, or when the news
        // ends (the app shutting down), so the response completes
        return viewer(request).flatMap(viewer -> {
            Quiet quiet = new Quiet();
            Flux<byte[]> pushes = live.news(id, viewer).takeUntil(n -> "ended".equals(n.type())).map(json::frame).doOnNext(f -> quiet.sent = true);
            Flux<byte[]> stream = Flux.merge(pushes.concatWith(Mono.just(END)), ticks.filter(t -> quiet.idle()).map(t -> KEEP_ALIVE))
                    .takeWhile(f -> f != END);
            return response.writeWith(stream.map(f -> {
                if (!quiet.open) { // the first event (the state): the answer is committed with it, not before (a 404 stays a problem)
                    quiet.open = true;
                    response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
                }
                return response.bufferFactory().wrap(f);
            }));
        });
    }

    /** One viewer's stream: whether it has begun, and whether it was sent nothing since the last tick. */
    private static final class Quiet {
        boolean open;
        volatile boolean sent;

        boolean idle() {
            boolean idle = !sent;
            sent = false;
            return idle;
        }
    }

    private Mono<String> viewer(ServerHttpRequest request) {
        return current.get().map(a -> Viewers.account(a.id()))
                .switchIfEmpty(Mono.fromSupplier(() -> Viewers.address(request.getRemoteAddress())));
    }

    @PostMapping("/api/v1/live")
    @Operation(summary = "Schedule an event (PRODUCER)", description = "videoUrl: a YouTube or Facebook live link, embedded by the event page.")
    Mono<ResponseEntity<EventView>> schedule(@Valid @RequestBody PlanJson plan) {
        return current.producer()
                .flatMap(p -> Mono.fromCallable(() -> new EventPlan(plan.title(), plan.videoUrl(), plan.plannedStart(), plan.plannedEnd()))
                        .flatMap(valid -> live.schedule(p, valid)))
                .map(e -> ResponseEntity.created(URI.create("/api/v1/live/" + e.id())).body(EventView.of(e)));
    }

    @GetMapping("/api/v1/producer/live")
    @Operation(summary = "Your events, newest first (PRODUCER)")
    Flux<EventView> mine() {
        return current.producer().flatMapMany(live::ofProducer).map(EventView::of);
    }

    @PostMapping("/api/v1/live/{id}/{action:start|end|cancel}")
    @Operation(summary = "Go live, end, or cancel a scheduled event (PRODUCER, your own)",
            description = "Ending closes every open offer and releases what is left of its pool. 409 when the state does not allow it.")
    Mono<EventView> move(@PathVariable UUID id, @PathVariable String action) {
        return current.producer().flatMap(p -> switch (action) {
            case "start" -> live.start(p, id);
            case "end" -> live.end(p, id);
            default -> live.cancel(p, id);
        }).map(EventView::of);
    }

    @PostMapping("/api/v1/live/{id}/pin")
    @Operation(summary = "Pin one of your products that is on sale (PRODUCER)", description = "One at a time; the event must be LIVE.")
    Mono<EventView> pin(@PathVariable UUID id, @Valid @RequestBody PinJson pin) {
        return current.producer().flatMap(p -> live.pin(p, id, new ProductId(pin.productId()))).map(EventView::of);
    }

    @PostMapping("/api/v1/live/{id}/offers")
    @Operation(summary = "Open a flash offer (PRODUCER)", description = "Flash price below the list price; its whole cap is reserved at the location "
            + "(409 not-enough-stock when the location has not that many available). Valid only while the event is LIVE.")
    Mono<ResponseEntity<OfferView>> open(@PathVariable UUID id, @Valid @RequestBody OfferJson offer) {
        return current.producer()
                .flatMap(p -> Mono.fromCallable(() -> new OfferTerms(new ProductId(offer.productId()), new LocationId(offer.locationId()),
                                new Vnd(offer.flashPriceVnd()), offer.cap(), offer.perBuyer()))
                        .flatMap(terms -> live.open(p, id, terms)))
                .map(o -> ResponseEntity.created(URI.create("/api/v1/live/" + id)).body(OfferView.of(o)));
    }

    @PostMapping("/api/v1/live/{id}/offers/{offerId}/close")
    @Operation(summary = "Close a flash offer (PRODUCER)", description = "Held claims lapse; what is left of the pool is released.")
    Mono<OfferView> close(@PathVariable UUID id, @PathVariable UUID offerId) {
        return current.producer().flatMap(p -> live.close(p, id, offerId)).map(OfferView::of);
    }

    @PostMapping("/api/v1/live/{id}/offers/{offerId}/claims")
    @Operation(summary = "Claim flash units (signed in)", description = "Puts them in your cart at the flash price for 10 minutes. 409 not-enough-stock "
            + "when sold out, limit-reached past the limit per buyer, invalid-state once the offer closed or the event ended.")
    Mono<ResponseEntity<ClaimView>> claim(@PathVariable UUID id, @PathVariable UUID offerId, @Valid @RequestBody ClaimJson claim) {
        return current.get().flatMap(a -> live.claim(a.id(), id, offerId, claim.quantity()))
                .map(c -> ResponseEntity.created(URI.create("/api/v1/cart")).body(ClaimView.of(c)));
    }
}
