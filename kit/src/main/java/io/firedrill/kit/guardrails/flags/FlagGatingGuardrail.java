package io.firedrill.kit.guardrails.flags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.Guardrail;
import io.firedrill.kit.guardrails.GuardrailContext;
import io.firedrill.kit.guardrails.GuardrailResult;
import io.firedrill.kit.shop.ShopBuild;
import io.firedrill.kit.shop.ShopModules;

/**
 * {@code flag-gating}: {@link FlagGatingRules} on the shop's compiled production classes (every module), read with
 * ArchUnit. Passes trivially in a version with no flag-guarded service.
 */
public final class FlagGatingGuardrail implements Guardrail {

	public static final String ID = "flag-gating";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String description() {
		return "ArchUnit: every backend path to a flag-guarded service consults the flag API";
	}

	@Override
	public boolean needsBuild() {
		return true;
	}

	@Override
	public GuardrailResult check(GuardrailContext context) {
		ShopBuild.Outcome build = context.build();
		if (!build.succeeded()) {
			return GuardrailResult.error(ID, "the shop does not build, so there are no classes to read: "
					+ build.firstError(), List.of("build: " + build.command() + " (log " + build.log() + ")"));
		}
		List<Path> classes = new ArrayList<>();
		for (ShopModules.Module module : ShopModules.below(context.shop().dir())) {
			if (Files.isDirectory(module.classes(context.shop().dir()))) {
				classes.add(module.classes(context.shop().dir()));
			}
		}
		JavaClasses imported = new ClassFileImporter().importPaths(classes);
		List<String> notes = new ArrayList<>();
		notes.add("read " + imported.size() + " classes of " + classes.size() + " modules (target/classes)");
		boolean present = imported.contain(FlagGatingRules.DISCOUNT_SERVICE);
		if (!present) {
			return GuardrailResult.pass(ID, "no " + FlagGatingRules.DISCOUNT_SERVICE
					+ " in this version: nothing is behind a flag, the rule holds trivially", notes);
		}
		ArchRule rule = FlagGatingRules.every_backend_path_to_the_discount_service_consults_the_flag;
		EvaluationResult result = rule.evaluate(imported);
		notes.add("rule: " + rule.getDescription());
		List<Finding> findings = new ArrayList<>();
		for (String detail : result.getFailureReport().getDetails()) {
			String path = detail.replaceFirst("^ungated path: ", "");
			findings.add(new Finding("ungated-path", "DiscountService (flag discount_codes)",
					path + " never asks the flag API", FlagGatingRules.BECAUSE
							+ ": customers outside the rollout (or everyone, with the flag off) still run this code",
					"consult the flag on this path: in the controller, in the service, or in a flag-aware decorator "
							+ "of " + "DiscountService"));
		}
		return GuardrailResult.of(ID, findings, "every backend path to DiscountService consults the flag",
				findings.size() + " backend path(s) reach DiscountService without consulting the flag", notes);
	}

}
