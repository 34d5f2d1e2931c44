package vn.ocop.search;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.ocop.catalog.testing.ArchitectureRules;

/** DESIGN.md's boundaries hold for the search module's main code. */
@AnalyzeClasses(packages = "vn.ocop.search", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noWebTypesInDomain = ArchitectureRules.NO_WEB_TYPES_IN_DOMAIN;
    @ArchTest
    static final ArchRule elasticsearchOnlyInSearch = ArchitectureRules.ELASTICSEARCH_ONLY_IN_SEARCH;
    @ArchTest
    static final ArchRule stripeOnlyInPayment = ArchitectureRules.STRIPE_ONLY_IN_PAYMENT;
    @ArchTest
    static final ArchRule noBlockingCalls = ArchitectureRules.NO_BLOCKING_CALLS;
    @ArchTest
    static final ArchRule catalogDependsOnNothingAbove = ArchitectureRules.CATALOG_DEPENDS_ON_NOTHING_ABOVE;
    @ArchTest
    static final ArchRule ordersAndSearchStayApart = ArchitectureRules.ORDERS_AND_SEARCH_STAY_APART;
    @ArchTest
    static final ArchRule searchDoesNotReachUp = ArchitectureRules.SEARCH_DOES_NOT_REACH_UP;
}
