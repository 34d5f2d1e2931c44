package vn.ocop.storefront.demo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.demo.DemoCatalog;
import vn.ocop.catalog.demo.LoadedDemo;
import vn.ocop.catalog.producers.Onboarding;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.Registration;
import vn.ocop.storefront.account.Role;

/**
 * Loads the demo catalog, one account per role and one application waiting for ADMIN, once (a second start finds
 * them and adds nothing).
 * Only when {@code ocop.demo=true}: the embedded default sets it, a real database must ask for it.
 * It runs on the main thread while the app starts, the one place where waiting for a result is right.
 */
@Component
@ConditionalOnProperty(name = "ocop.demo", havingValue = "true")
@org.springframework.core.annotation.Order(0)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "ocop-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoCatalog demoCatalog;
    private final Catalog catalog;
    private final Registration registration;
    private final Onboarding onboarding;

    DemoData(DemoCatalog demoCatalog, Catalog catalog, Registration registration, Onboarding onboarding) {
        this.demoCatalog = demoCatalog;
        this.catalog = catalog;
        this.registration = registration;
        this.onboarding = onboarding;
    }

    @Override
    public void run(ApplicationArguments args) {
        load().block(Duration.ofMinutes(2));
    }

    Mono<Void> load() {
        return demoCatalog.load(catalog.today())
                .flatMap(loaded -> Flux.fromIterable(accounts(loaded))
                        .concatMap(a -> registration.createIfAbsent(a, true))
                        .then(loaded.alreadyPresent() ? Mono.empty() : onboarding.submit(DemoApplication.coop()).then())
                        .then(catalog.countSellable())
                        .doOnNext(onSale -> log.info("Demo data {}: {} products ({} on sale today), {} locations; accounts *@demo.ocop.vn, password {}; till key {}",
                                loaded.alreadyPresent() ? "already present" : "loaded", loaded.products(), onSale,
                                loaded.locations(), PASSWORD, DemoCatalog.TILL_KEY)))
                .then();
    }

    /**
     * One account per role: the producer account owns the demo producer (it runs its members); the council account
     * ranks for the whole country (NATIONAL: the demo products come from many provinces, 5-star ones among them), and
     * a second one for the demo producer's province only.
     */
    static List<Account> accounts(LoadedDemo loaded) {
        String memberProvince = loaded.memberProvince();
        return List.of(
                account("shopper", "Nguyễn Thị Mai (khách demo)", Role.SHOPPER, null, null, null),
                account("producer", "Thành viên chủ thể OCOP (demo)", Role.PRODUCER, loaded.memberProducerId(), null, null),
                account("staff", "Nhân viên showroom Hà Nội (demo)", Role.STAFF, null, loaded.showroomId(), null),
                account("council", "Hội đồng đánh giá OCOP Trung ương (demo)", Role.COUNCIL, null, null, Account.NATIONAL),
                account("council-province", "Hội đồng đánh giá OCOP " + memberProvince + " (demo)", Role.COUNCIL, null, null, memberProvince),
                account("admin", "Quản trị viên (demo)", Role.ADMIN, null, null, null));
    }

    private static Account account(String name, String displayName, Role role, UUID producer, UUID location, String councilScope) {
        UUID id = UUID.nameUUIDFromBytes(("ocop-demo:account:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // the password field carries the raw demo password; Registration hashes it before storing
        return new Account(id, name + "@demo.ocop.vn", PASSWORD, displayName, role, producer, location, true,
                role == Role.PRODUCER, councilScope, null);
    }
}
