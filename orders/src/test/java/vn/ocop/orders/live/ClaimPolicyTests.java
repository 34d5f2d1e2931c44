package vn.ocop.orders.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.live.ClaimPolicy.Ask;
import vn.ocop.orders.live.ClaimPolicy.Decision;
import vn.ocop.orders.live.ClaimPolicy.OfferNow;

/** The batch decision against the rule it replaced: claims one at a time, each a conditional update of the offer's count then of the buyer's allowance. */
class ClaimPolicyTests {

    static final UUID EVENT = UUID.randomUUID();
    static final List<UUID> BUYERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Test
    void inArrivalOrderARefusedClaimTakesNothingSoASmallerLaterOneStillFits() {
        UUID mai = BUYERS.get(0), lan = BUYERS.get(1);
        Decision d = ClaimPolicy.decide(new OfferNow(EVENT, true, 3, 2), Map.of(lan, 1),
                List.of(new Ask(mai, EVENT, 2), new Ask(lan, EVENT, 2), new Ask(mai, EVENT, 1), new Ask(lan, EVENT, 1), new Ask(lan, EVENT, 1)));

        assertThat(d.outcomes()).extracting(o -> o.granted() ? null : o.refusal().code()).containsExactly(
                null, OrdersErrorCode.NOT_ENOUGH_STOCK, OrdersErrorCode.LIMIT_REACHED, null, OrdersErrorCode.NOT_ENOUGH_STOCK);
        assertThat(d.remaining()).isZero();
        assertThat(d.added()).containsOnly(Map.entry(mai, 2), Map.entry(lan, 1));
    }

    @Test
    void aClosedOfferOrAnotherEventsIdRefusesEveryone() {
        Ask ask = new Ask(BUYERS.get(0), EVENT, 1);
        assertThat(ClaimPolicy.decide(new OfferNow(EVENT, false, 5, 2), Map.of(), List.of(ask)).outcomes())
                .singleElement().satisfies(o -> assertThat(o.refusal().code()).isEqualTo(OrdersErrorCode.INVALID_STATE));
        assertThat(ClaimPolicy.decide(new OfferNow(UUID.randomUUID(), true, 5, 2), Map.of(), List.of(ask)).outcomes())
                .singleElement().satisfies(o -> assertThat(o.refusal().code()).isEqualTo(OrdersErrorCode.NOT_FOUND));
    }

    @Test
    void aBatchDecidesAsClaimsOneAtATimeWouldHave() {
        Gen<Ask> asks = integers().between(0, BUYERS.size() - 1).zip(integers().between(1, 4), integers().between(0, 19),
                (b, q, e) -> new Ask(BUYERS.get(b), e == 0 ? UUID.randomUUID() : EVENT, q));
        Gen<List<Integer>> takenBefore = lists().of(integers().between(0, 5)).ofSize(BUYERS.size());
        qt().forAll(booleans().all().zip(integers().between(0, 40), integers().between(1, 5), (open, remaining, per) -> new OfferNow(EVENT,
                                open || remaining % 7 != 0, remaining, per)),
                        takenBefore, lists().of(asks).ofSizeBetween(0, 60))
                .checkAssert((offer, before, batch) -> {
                    Map<UUID, Integer> taken = new HashMap<>();
                    for (int i = 0; i < BUYERS.size(); i++) {
                        taken.put(BUYERS.get(i), Math.min(before.get(i), offer.perBuyer()));
                    }
                    Decision d = ClaimPolicy.decide(offer, taken, batch);

                    List<OrdersErrorCode> expected = oneAtATime(offer, new HashMap<>(taken), batch);
                    assertThat(d.outcomes()).extracting(ClaimPolicy.Outcome::ask).containsExactlyElementsOf(batch);
                    assertThat(d.outcomes()).extracting(o -> o.granted() ? null : o.refusal().code()).containsExactlyElementsOf(expected);
                    int granted = d.outcomes().stream().filter(ClaimPolicy.Outcome::granted).mapToInt(o -> o.ask().quantity()).sum();
                    assertThat(d.remaining()).isEqualTo(offer.remaining() - granted).isNotNegative();
                    assertThat(d.added().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(granted);
                    d.added().forEach((buyer, added) -> assertThat(taken.get(buyer) + added).isLessThanOrEqualTo(offer.perBuyer()));
                });
    }

    /** The old claim: update the count where open and enough left, else refused; then the allowance where within the limit, else rolled back. */
    private static List<OrdersErrorCode> oneAtATime(OfferNow offer, Map<UUID, Integer> allowance, List<Ask> asks) {
        int remaining = offer.remaining();
        List<OrdersErrorCode> codes = new ArrayList<>();
        for (Ask a : asks) {
            if (!a.event().equals(offer.event())) {
                codes.add(OrdersErrorCode.NOT_FOUND);
                continue;
            }
            if (!offer.open() || remaining < a.quantity()) {
                codes.add(offer.open() ? OrdersErrorCode.NOT_ENOUGH_STOCK : OrdersErrorCode.INVALID_STATE);
                continue;
            }
            remaining -= a.quantity();
            if (allowance.get(a.account()) + a.quantity() > offer.perBuyer()) {
                remaining += a.quantity();
                codes.add(OrdersErrorCode.LIMIT_REACHED);
                continue;
            }
            allowance.merge(a.account(), a.quantity(), Integer::sum);
            codes.add(null);
        }
        return codes;
    }
}
