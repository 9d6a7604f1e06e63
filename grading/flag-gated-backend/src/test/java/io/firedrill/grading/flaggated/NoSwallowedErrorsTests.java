package io.firedrill.grading.flaggated;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hiding the NullPointerException is not a fix: the error is gone but so is the signal. */
class NoSwallowedErrorsTests {

    private static final Set<String> BROAD = Set.of(
            "java.lang.NullPointerException", "java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable");

    @Test
    void checkoutCodeDoesNotCatchNullPointerExceptions() {
        JavaClasses shop = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/firedrill/"))
                .importPackages("com.acme.shop");

        List<String> swallowing = shop.stream()
                .flatMap(javaClass -> javaClass.getCodeUnits().stream())
                .flatMap(unit -> unit.getTryCatchBlocks().stream())
                .filter(NoSwallowedErrorsTests::catchesNullPointersAroundDiscounts)
                .map(block -> block.getOwner().getFullName() + " (" + block.getSourceCodeLocation() + ")")
                .toList();

        assertThat(swallowing)
                .withFailMessage("the checkout code catches and hides the NullPointerException instead of fixing its cause: %s", swallowing)
                .isEmpty();
    }

    private static boolean catchesNullPointersAroundDiscounts(TryCatchBlock block) {
        boolean catchesNpe = block.getCaughtThrowables().stream().map(JavaClass::getName).anyMatch(BROAD::contains);
        boolean explicitNpe = block.getCaughtThrowables().stream()
                .anyMatch(type -> type.getName().equals("java.lang.NullPointerException"));
        boolean aroundDiscounts = block.getAccessesContainedInTryBlock().stream()
                .anyMatch(access -> access.getTargetOwner().getName().startsWith("com.acme.shop.discount."));
        return explicitNpe || (catchesNpe && aroundDiscounts);
    }
}
