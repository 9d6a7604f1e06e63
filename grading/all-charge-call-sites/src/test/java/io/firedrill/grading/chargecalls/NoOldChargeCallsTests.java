package io.firedrill.grading.chargecalls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the bytecode of every shop module the candidate built. */
class NoOldChargeCallsTests {

    private static final List<String> MODULES =
            List.of("checkout-service", "order-retry-job", "refund-processor", "subscription-renewal-job");

    private static JavaClasses shop;

    @BeforeAll
    static void importTheCandidatesBytecode() {
        Path candidate = Path.of(System.getProperty("candidate.dir", "candidate"));
        List<Path> classes = MODULES.stream()
                .map(module -> candidate.resolve(module).resolve("target/classes"))
                .filter(Files::isDirectory)
                .toList();
        shop = new ClassFileImporter().importPaths(classes);
    }

    @Test
    void noClassCallsTheChargeMethodRemovedIn4() {
        // By name: charge(Amount) is absent from the SDK a correct solution compiles against.
        ArchRule rule = noClasses()
                .should().callMethod("com.acme.payments.PaymentClient", "charge", "com.acme.payments.Amount")
                .because("payment SDK 4.0, which every host runs, removed charge(Amount): the call fails with NoSuchMethodError");
        rule.check(shop);
    }

    @Test
    void noClassReachesThePaymentSdkThroughReflection() {
        ArchRule rule = noClasses()
                .should().callMethod(java.lang.reflect.Method.class, "invoke", Object.class, Object[].class)
                .orShould().dependOnClassesThat().belongToAnyOf(java.lang.invoke.MethodHandles.Lookup.class)
                .because("calling the payment SDK through reflection hides from the compiler exactly the breakage the upgrade must surface");
        rule.check(shop);
    }
}
