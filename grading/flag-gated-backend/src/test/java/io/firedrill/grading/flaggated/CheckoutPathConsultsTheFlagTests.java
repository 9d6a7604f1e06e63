package io.firedrill.grading.flaggated;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.firedrill.grading.flagpaths.FlagPaths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the candidate's bytecode: every way the backend reaches the discount service must pass
 * through code that asks the feature-flag API. Gating in the controller, in the service, in a
 * flag-aware decorator or a subclass of the discount service are all accepted, and so is a gate
 * Spring runs on every request before the controller sees it (a {@code RequestBodyAdvice} or a
 * servlet filter bean). A method reference ({@code discountService::validate}) is a call like any other.
 */
class CheckoutPathConsultsTheFlagTests {

    private static final String DISCOUNT_SERVICE = "com.acme.shop.discount.DiscountService";

    private static JavaClasses shop;

    @BeforeAll
    static void importTheCandidatesClasses() {
        shop = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/firedrill/"))
                .importPackages("com.acme.shop");
    }

    @Test
    void everyBackendPathToTheDiscountServiceConsultsTheFlag() {
        JavaClass discountService = shop.stream()
                .filter(javaClass -> javaClass.getName().equals(DISCOUNT_SERVICE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the shop has no " + DISCOUNT_SERVICE));

        List<String> ungatedPaths = FlagPaths.ofTheShop().ungatedPathsTo(discountService);

        assertThat(ungatedPaths)
                .withFailMessage("the backend reaches DiscountService without asking the discount_codes flag "
                        + "(a feature behind a flag must be gated where it runs, not only where it is shown): %s", ungatedPaths)
                .isEmpty();
    }
}
