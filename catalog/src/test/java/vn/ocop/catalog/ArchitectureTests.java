package vn.ocop.catalog;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import vn.ocop.catalog.testing.ArchitectureRules;

/** DESIGN.md's boundaries hold for the catalog module's main code. */
@AnalyzeClasses(packages = "vn.ocop.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests boundaries = ArchTests.in(ArchitectureRules.class);
}
