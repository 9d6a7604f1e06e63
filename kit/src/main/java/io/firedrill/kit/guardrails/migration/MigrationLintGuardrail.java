package io.firedrill.kit.guardrails.migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.guardrails.Guardrail;
import io.firedrill.kit.guardrails.GuardrailContext;
import io.firedrill.kit.guardrails.GuardrailResult;
import io.firedrill.kit.guardrails.ShopCheckout;

/** {@code migration-lint}: the {@link MigrationLint} rules on the shop's Liquibase changelog. */
public final class MigrationLintGuardrail implements Guardrail {

	public static final String ID = "migration-lint";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String description() {
		return "Liquibase changelog: N-1 compatibility (can the previous release still write?) and locking rules";
	}

	@Override
	public boolean needsBuild() {
		return false;
	}

	@Override
	public GuardrailResult check(GuardrailContext context) {
		Path baseline = context.baseline().map(ShopCheckout::dir).orElse(null);
		String baselineLabel = context.baseline().map(ShopCheckout::label).orElse(null);
		MigrationLint.Result result = MigrationLint.lint(context.shop().dir(), baseline, baselineLabel);
		List<String> notes = new ArrayList<>(result.notes());
		if (baseline == null && context.baselineSpec() != null) {
			notes.add(0, "baseline " + context.baselineSpec() + " could not be opened");
		}
		int count = result.findings().size();
		return GuardrailResult.of(ID, result.findings(),
				"no finding in " + result.linted() + " changeset(s) of this release",
				count + " finding" + ((count == 1) ? "" : "s") + " in " + result.linted() + " changeset(s) of this release",
				notes);
	}

}
