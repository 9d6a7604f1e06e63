package io.firedrill.kit.guardrails.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule on small code bases under {@code fixtures/}: each gates (or not) discounts its own way. */
class FlagGatingRulesTests {

	static final String FIXTURES = "io.firedrill.kit.guardrails.flags.fixtures.";

	static EvaluationResult evaluate(String fixture) {
		JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + fixture);
		ArchRule rule = FlagGatingRules.every_backend_path_to(FIXTURES + fixture + ".DiscountService", FIXTURES,
				(owner, method) -> owner.endsWith(".Flags") && method.startsWith("is"));
		return rule.evaluate(classes);
	}

	@Test
	void aDiscountReachedFromTheControllerWithoutTheFlagIsCaughtWithItsPathAndTheReason() {
		EvaluationResult result = evaluate("ungated");

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).singleElement().asString()
			.contains("CheckoutController.checkout() -> CheckoutService.checkout() -> DiscountService.validate()");
		assertThat(result.getFailureReport().toString())
			.contains("because a feature behind a flag must be gated where it runs, not only where it is shown");
	}

	@Test
	void aDiscountServicePassedOnAsAMethodReferenceIsOnThePathLikeACall() {
		EvaluationResult result = evaluate("methodref");

		assertThat(result.getFailureReport().getDetails()).singleElement().asString()
			.contains("CheckoutController.checkout() -> CheckoutService.checkout() -> DiscountService.validate()");
	}

	@Test
	void aNullCheckAloneIsMitigatedNotGated() {
		assertThat(evaluate("nullcheck").hasViolation()).isTrue();
	}

	@ParameterizedTest(name = "gated in the {0}")
	@ValueSource(strings = { "controller", "service", "decorator" })
	void gatingInTheControllerTheServiceOrADecoratorIsAccepted(String fixture) {
		EvaluationResult result = evaluate(fixture);

		assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
	}

	@Test
	void withoutAGuardedServiceTheRuleHoldsTrivially() {
		assertThat(evaluate("absent").hasViolation()).isFalse();
	}

}
