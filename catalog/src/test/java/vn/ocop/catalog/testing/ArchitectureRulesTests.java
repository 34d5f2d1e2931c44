package vn.ocop.catalog.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The shared rules catch what they are for: each deliberate violation in vn.ocop.archfixture* (a module by root API, archfixturecap a module by capability) fails its rule, the allowed shapes pass. */
class ArchitectureRulesTests {

    static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("vn.ocop.archfixture", "vn.ocop.archfixtureother");

    @Test
    void aFeaturePackageCallingItsModulesFacadeIsACycle() {
        assertThatThrownBy(() -> ArchitectureRules.NO_PACKAGE_CYCLES_INSIDE_A_MODULE.check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("vn.ocop.archfixture facades").hasMessageContaining("vn.ocop.archfixture.feature")
                .hasMessageContaining("CallsBack");
    }

    @Test
    void sharedTypesBelowAndTheFacadeAboveAFeaturePackageAreNoCycle() {
        JavaClasses allowed = new ClassFileImporter().importClasses(vn.ocop.archfixture.Facade.class, vn.ocop.archfixture.SharedType.class,
                vn.ocop.archfixture.feature.Step.class);
        assertThatCode(() -> ArchitectureRules.NO_PACKAGE_CYCLES_INSIDE_A_MODULE.check(allowed)).doesNotThrowAnyException();
    }

    @Test
    void anotherModuleReachingIntoAFeaturePackageIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.OTHER_MODULES_ONLY_THROUGH_THEIR_ROOT_PACKAGE.check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesIn").hasMessageContaining("vn.ocop.archfixture.feature.Step");
    }

    @Test
    void twoCapabilitiesThatUseEachOtherAreACycle() {
        JavaClasses capabilities = new ClassFileImporter().importPackages("vn.ocop.archfixturecap");
        assertThatThrownBy(() -> ArchitectureRules.NO_PACKAGE_CYCLES_INSIDE_A_MODULE.check(capabilities))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("vn.ocop.archfixturecap.alpha").hasMessageContaining("vn.ocop.archfixturecap.beta")
                .hasMessageContaining("CallsBeta");
    }

    @Test
    void capabilitiesOverTheKernelWithTheirInternalsBelowThemAreNoCycle() {
        JavaClasses allowed = new ClassFileImporter().importClasses(vn.ocop.archfixturecap.Id.class, vn.ocop.archfixturecap.alpha.Alpha.class,
                vn.ocop.archfixturecap.alpha.internal.Hidden.class, vn.ocop.archfixturecap.beta.Beta.class);
        assertThatCode(() -> ArchitectureRules.NO_PACKAGE_CYCLES_INSIDE_A_MODULE.check(allowed)).doesNotThrowAnyException();
    }

    @Test
    void anotherModuleMayUseACapabilityPackageButNotTheInternalsBelowIt() {
        JavaClasses allowed = new ClassFileImporter().importClasses(vn.ocop.archfixtureother.UsesCapability.class);
        assertThatCode(() -> ArchitectureRules.OTHER_MODULES_ONLY_THROUGH_THEIR_ROOT_PACKAGE.check(allowed)).doesNotThrowAnyException();
        JavaClasses reaching = new ClassFileImporter().importClasses(vn.ocop.archfixtureother.ReachesBelowACapability.class);
        assertThatThrownBy(() -> ArchitectureRules.OTHER_MODULES_ONLY_THROUGH_THEIR_ROOT_PACKAGE.check(reaching))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesBelowACapability").hasMessageContaining("vn.ocop.archfixturecap.alpha.internal.Hidden");
    }
}
