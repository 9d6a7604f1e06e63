package io.firedrill.kit.guardrails.flags;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.util.function.BiPredicate;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.firedrill.grading.flagpaths.FlagPaths;

/**
 * The ArchUnit rule of {@code flag-gating}, as a team would keep it in its own build (see kit/GUARDRAILS.md). The
 * judgement itself is {@link FlagPaths}, the one the hidden suite of {@code flag-gated-backend} grades with
 * ({@code grading/flag-paths}).
 */
public final class FlagGatingRules {

	/** The reason a reviewer would give, printed with every violation. */
	public static final String BECAUSE = "a feature behind a flag must be gated where it runs, not only where it is shown";

	/** The shop's flag-guarded services. */
	public static final String DISCOUNT_SERVICE = "com.acme.shop.discount.DiscountService";

	static final String SHOP_PACKAGE = FlagPaths.SHOP_PACKAGE;

	private FlagGatingRules() {
	}

	/** The shop's rule: every backend path to {@code DiscountService} consults the flag API. */
	public static final ArchRule every_backend_path_to_the_discount_service_consults_the_flag = every_backend_path_to(
			DISCOUNT_SERVICE);

	/**
	 * Any backend class path reaching {@code guardedService} must consult the flag API; passes when the service
	 * does not exist (yet).
	 */
	public static ArchRule every_backend_path_to(String guardedService) {
		return every_backend_path_to(guardedService, SHOP_PACKAGE, FlagGatingRules::isFlagApi);
	}

	/**
	 * The same rule for another code base.
	 * @param codePackage prefix of the classes whose calls are followed when looking for a flag check
	 * @param flagApi whether a call to (owner class name, method name) asks the flag API
	 */
	public static ArchRule every_backend_path_to(String guardedService, String codePackage,
			BiPredicate<String, String> flagApi) {
		return classes().that()
			.haveFullyQualifiedName(guardedService)
			.should(consultTheFlagOnEveryPathThatReachesThem(codePackage, flagApi))
			.because(BECAUSE)
			.allowEmptyShould(true);
	}

	/** Feature-flag API: Unleash's client, or the shop's own flag facade ({@code isEnabled}, {@code is...}). */
	static boolean isFlagApi(String owner, String method) {
		return FlagPaths.isShopFlagApi(owner, method);
	}

	private static ArchCondition<JavaClass> consultTheFlagOnEveryPathThatReachesThem(String codePackage,
			BiPredicate<String, String> flagApi) {
		return new ArchCondition<>("be reached only through code that consults the feature-flag API") {
			@Override
			public void check(JavaClass service, ConditionEvents events) {
				for (String path : new FlagPaths(codePackage, flagApi).ungatedPathsTo(service)) {
					events.add(SimpleConditionEvent.violated(service, "ungated path: " + path));
				}
			}
		};
	}

}
