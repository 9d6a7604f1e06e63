package com.acme.shop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.acme.shop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule only_the_payment_package_talks_to_the_payment_gateway = noClasses()
            .that().resideOutsideOfPackages("com.acme.shop.payment..")
            .should().dependOnClassesThat().belongToAnyOf(
                    com.acme.payments.Payments.class, com.acme.payments.PaymentClient.class)
            .because("charging goes through PaymentService, which records every attempt");

    @ArchTest
    static final ArchRule only_the_flags_package_uses_the_unleash_client = noClasses()
            .that().resideOutsideOfPackages("com.acme.shop.flags..")
            .should().dependOnClassesThat().resideInAPackage("io.getunleash..")
            .because("flag decisions are made per customer through FeatureFlags");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles = slices()
            .matching("com.acme.shop.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule persistence_stays_out_of_the_web_layer = noClasses()
            .that().resideInAPackage("com.acme.shop.web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
            .because("the web layer maps errors, it does not read the database");
}
