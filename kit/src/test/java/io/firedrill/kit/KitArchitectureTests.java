package io.firedrill.kit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kit's packages, layered: {@code cli} on top, the root package ({@code ExitCode}, {@code FiredrillException},
 * {@code KitClone}...) at the bottom, no cycles in between. Main classes only: a test may reach across packages
 * (the replay tests drive {@code firedrill replay} through the cli, for one).
 * <p>
 * ArchUnit reads bytecode, so a dependency on a compile-time constant alone is invisible to it: javac inlines the
 * value. That is how {@code catalog -> history} (for {@code ShopRelease.BASE_TAG}) went unseen here; the catalog
 * now owns that constant.
 */
@AnalyzeClasses(packages = "io.firedrill.kit", importOptions = ImportOption.DoNotIncludeTests.class)
class KitArchitectureTests {

	/*
	 * One slice per package, the root package and every subpackage included: stricter than the usual
	 * "io.firedrill.kit.(*).." on purpose. That pattern leaves the root package out (the cycle root <-> cli through
	 * ExitCode) and merges guardrails with its subpackages (the cycles through the runner, Guardrails), and the
	 * kit is free of both now.
	 */
	@ArchTest
	static final ArchRule no_kit_package_is_part_of_a_cycle = slices().matching("io.firedrill.(**)")
		.should().beFreeOfCycles();

	@ArchTest
	static final ArchRule nothing_outside_the_cli_depends_on_the_cli = noClasses()
		.that().resideOutsideOfPackage("io.firedrill.kit.cli..")
		.should().dependOnClassesThat().resideInAPackage("io.firedrill.kit.cli..")
		.because("the cli is the top layer: it parses arguments, calls the packages below and prints; they never"
				+ " call back");

	@ArchTest
	static final ArchRule the_root_package_depends_on_no_other_kit_package = noClasses()
		.that().resideInAPackage("io.firedrill.kit")
		.should().dependOnClassesThat().resideInAPackage("io.firedrill.kit.*..")
		.because("every kit package uses it (FiredrillException, ExitCode, KitClone, Folders), so it sits below"
				+ " them all");

	@ArchTest
	static final ArchRule the_shop_model_depends_on_nothing_else_of_the_kit = noClasses()
		.that().resideInAPackage("io.firedrill.kit.shop..")
		.should().dependOnClassesThat(otherKitPackagesThan("io.firedrill.kit.shop.."))
		.because("every command reads the shop through it (its layout, modules, jobs, host runtime, builds and"
				+ " processes), so it sits just above the root package");

	@ArchTest
	static final ArchRule the_catalog_depends_on_nothing_else_of_the_kit = noClasses()
		.that().resideInAPackage("io.firedrill.kit.catalog..")
		.should().dependOnClassesThat(otherKitPackagesThan("io.firedrill.kit.catalog.."))
		.because("the catalog is data (incidents, fixes, criteria, replay stories) that every command reads");

	/*
	 * Grading by stage, bottom up: run (Maven and its reports), workspace (the grader's folder, the submission),
	 * verdict (verdicts and integrity), card (the scorecard and its renderings), and grade itself on top, which runs
	 * them in order. A stage may use the stages below it, never one above it, and no stage uses grade. Only
	 * dependencies between these packages count: the cli, results and cohort read the stages directly.
	 */
	@ArchTest
	static final ArchRule the_grading_stages_are_layered = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("grade").definedBy("io.firedrill.kit.grade")
		.layer("card").definedBy("io.firedrill.kit.grade.card..")
		.layer("verdict").definedBy("io.firedrill.kit.grade.verdict..")
		.layer("workspace").definedBy("io.firedrill.kit.grade.workspace..")
		.layer("run").definedBy("io.firedrill.kit.grade.run..")
		.whereLayer("grade").mayNotBeAccessedByAnyLayer()
		.whereLayer("card").mayOnlyAccessLayers("verdict", "workspace", "run")
		.whereLayer("verdict").mayOnlyAccessLayers("workspace", "run")
		.whereLayer("workspace").mayOnlyAccessLayers("run")
		.whereLayer("run").mayNotAccessAnyLayer()
		.because("grade orchestrates the stages (GradingSession, Prover, Demo) and each stage only reads what the"
				+ " stages before it produced");

	/** Classes of a kit subpackage other than {@code own}: the root package, below every package, is allowed. */
	private static DescribedPredicate<JavaClass> otherKitPackagesThan(String own) {
		return resideInAPackage("io.firedrill.kit.*..").and(not(resideInAPackage(own)))
			.as("reside in another kit package than " + own);
	}

}
