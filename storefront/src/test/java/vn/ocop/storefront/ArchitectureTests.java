package vn.ocop.storefront;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import vn.ocop.catalog.testing.ArchitectureRules;

/** DESIGN.md's boundaries hold for the storefront module's main code. */
@AnalyzeClasses(packages = "vn.ocop.storefront", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests boundaries = ArchTests.in(ArchitectureRules.class);
}
