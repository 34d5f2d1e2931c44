package vn.ocop.catalog.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's boundaries, written once; every module's ArchitectureTests runs them all over its own classes. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Domain modules know nothing of HTTP, pages or the servlet world. */
    @ArchTest
    public static final ArchRule NO_WEB_TYPES_IN_DOMAIN = noClasses()
            .that().resideOutsideOfPackage("vn.ocop.storefront..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http.server..", "org.thymeleaf..", "jakarta.servlet..")
            .allowEmptyShould(true)
            .because("domain modules know nothing of HTTP (DESIGN.md §1)");

    /** The Elasticsearch client stays inside the search module. */
    @ArchTest
    public static final ArchRule ELASTICSEARCH_ONLY_IN_SEARCH = noClasses()
            .that().resideOutsideOfPackage("vn.ocop.search..")
            .should().dependOnClassesThat().resideInAPackage("co.elastic..")
            .allowEmptyShould(true)
            .because("only vn.ocop.search talks to Elasticsearch");

    /** stripe-java stays inside the payment adapter. */
    @ArchTest
    public static final ArchRule STRIPE_ONLY_IN_PAYMENT = noClasses()
            .that().resideOutsideOfPackage("vn.ocop.orders.payment..")
            .should().dependOnClassesThat().resideInAPackage("com.stripe..")
            .allowEmptyShould(true)
            .because("stripe-java blocks and is wrapped by one adapter, vn.ocop.orders.payment");

    /**
     * Nothing waits for a reactive result in application code: blocking an event loop stalls every request
     * on it. The one exception is a start-up task on the main thread ({@code ApplicationRunner}).
     */
    @ArchTest
    public static final ArchRule NO_BLOCKING_CALLS = noClasses()
            .that().doNotImplement(org.springframework.boot.ApplicationRunner.class)
            .should().callMethodWhere(DescribedPredicate.describe("a blocking Reactor call",
                    (JavaMethodCall call) -> call.getTargetOwner().getName().startsWith("reactor.core.publisher.")
                            && call.getName().matches("block(First|Last|Optional)?|toIterable|toStream")))
            .allowEmptyShould(true)
            .because("nothing blocks an event-loop thread");

    /** Lower modules never reach up: catalog knows nothing of orders, search or the storefront. */
    @ArchTest
    public static final ArchRule CATALOG_DEPENDS_ON_NOTHING_ABOVE = noClasses()
            .that().resideInAPackage("vn.ocop.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ocop.orders..", "vn.ocop.search..", "vn.ocop.storefront..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule ORDERS_AND_SEARCH_STAY_APART = noClasses()
            .that().resideInAPackage("vn.ocop.orders..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ocop.search..", "vn.ocop.storefront..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule SEARCH_DOES_NOT_REACH_UP = noClasses()
            .that().resideInAPackage("vn.ocop.search..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ocop.orders..", "vn.ocop.storefront..")
            .allowEmptyShould(true);
}
