package vn.ocop.catalog.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.stereotype.Component;

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

    /**
     * No package cycles inside a module. Two shapes of module exist (ADR 0003, ADR 0010):
     * <ul>
     * <li>by capability (the catalog): the root package is the shared kernel (typed ids, money, clock, errors) and
     * each package below it is one capability with its public API and its internals together ({@code stock},
     * {@code lots}, ...). The kernel is one slice and each capability with everything under it is one slice: the
     * kernel needing a capability, or two capabilities that use each other, close a cycle and fail;</li>
     * <li>by root API (the other modules): the root package holds shared types and facades, so it counts as two slices,
     * the shared types below every feature package and the facades above them, and each feature package is a slice
     * of its own: a feature package that calls a facade, a shared type that needs a feature package, or two feature
     * packages that use each other close a cycle and fail.</li>
     * </ul>
     */
    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES_INSIDE_A_MODULE = SlicesRuleDefinition.slices()
            .assignedFrom(new ModuleSlices())
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("inside a module dependencies point one way: facades → feature packages → shared types, capabilities → kernel (STYLE.md, ADR 0010)");

    /**
     * Another module is used through its public API only: its root package, and for a module by capability also
     * each capability package directly below the root (never a package deeper down, such as
     * {@code vn.ocop.catalog.stock.internal}). Everything else is the module's own business.
     */
    @ArchTest
    public static final ArchRule OTHER_MODULES_ONLY_THROUGH_THEIR_ROOT_PACKAGE = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .should(new ArchCondition<JavaClass>("use other modules only through their root package (or, by capability, its capability packages)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        String target = d.getTargetClass().getPackageName();
                        String module = module(target);
                        if (module != null && !module.equals(module(origin.getPackageName())) && !isPublicApi(module, target)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            })
            .allowEmptyShould(true)
            .because("a module's root package (and a module by capability's capability packages) is its public API (STYLE.md, ADR 0010)");

    /**
     * Modules laid out by capability (ADR 0010): the root package is a shared kernel and each package directly below
     * it is a capability. {@code archfixturecap} is the deliberate-violation fixture of ArchitectureRulesTests.
     */
    static final java.util.Set<String> BY_CAPABILITY = java.util.Set.of("catalog", "archfixturecap");

    /** Whether {@code packageName} of {@code module} may be used by other modules. */
    static boolean isPublicApi(String module, String packageName) {
        String root = ROOT + module;
        if (packageName.equals(root)) {
            return true;
        }
        return BY_CAPABILITY.contains(module) && packageName.startsWith(root + ".")
                && packageName.indexOf('.', root.length() + 1) < 0;
    }

    private static final String ROOT = "vn.ocop.";

    /** The module a package belongs to ({@code vn.ocop.orders.live} → {@code orders}), or null outside the project. */
    static String module(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return null;
        }
        String rest = packageName.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * Slices of a module. By capability: the kernel (the root package) and each capability package with its
     * subpackages. By root API: each feature package, and its root package split into shared types and facades.
     */
    static final class ModuleSlices implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String module = module(c.getPackageName());
            if (module == null) {
                return SliceIdentifier.ignore();
            }
            String root = ROOT + module;
            if (BY_CAPABILITY.contains(module)) {
                if (c.getPackageName().equals(root)) {
                    return SliceIdentifier.of(root + " kernel");
                }
                String rest = c.getPackageName().substring(root.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(root + "." + (dot < 0 ? rest : rest.substring(0, dot)));
            }
            if (!c.getPackageName().equals(root)) {
                return SliceIdentifier.of(c.getPackageName());
            }
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return SliceIdentifier.of(root + (top.isMetaAnnotatedWith(Component.class) ? " facades" : " shared types"));
        }

        @Override
        public String getDescription() {
            return "by capability: the kernel and each capability package; else each feature package, and the root package as its shared types and its facades";
        }
    }
}
