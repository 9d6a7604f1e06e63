package io.firedrill.kit.guardrails.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import io.firedrill.kit.guardrails.Guardrail;
import io.firedrill.kit.guardrails.GuardrailContext;
import io.firedrill.kit.guardrails.GuardrailResult;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.api.ApiCompatGuardrail;
import io.firedrill.kit.guardrails.flags.FlagGatingGuardrail;
import io.firedrill.kit.guardrails.jobs.JobsOnRuntimeGuardrail;
import io.firedrill.kit.guardrails.migration.MigrationLintGuardrail;
import io.firedrill.kit.shop.ShopBuild;

/** The guardrails, in the order they run (cheapest first), and the runner. */
public final class Guardrails {

	private Guardrails() {
	}

	/** Every guardrail. */
	public static List<Guardrail> all() {
		return List.of(new MigrationLintGuardrail(), new ApiCompatGuardrail(), new FlagGatingGuardrail(),
				new JobsOnRuntimeGuardrail());
	}

	public static List<String> ids() {
		return all().stream().map(Guardrail::id).toList();
	}

	/**
	 * Runs the selected guardrails (all when {@code only} is empty) against the context's shop. A guardrail that
	 * throws is reported as an error; the others still run.
	 * @param progress told each result as soon as it is known
	 */
	public static Report run(GuardrailContext context, Collection<String> only, Consumer<GuardrailResult> progress) {
		long start = System.nanoTime();
		List<GuardrailResult> results = new ArrayList<>();
		for (Guardrail guardrail : all()) {
			if (!only.isEmpty() && !only.contains(guardrail.id())) {
				continue;
			}
			long began = System.nanoTime();
			GuardrailResult result;
			try {
				result = guardrail.check(context);
			}
			catch (RuntimeException | LinkageError ex) {
				String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
				result = GuardrailResult.error(guardrail.id(), "could not run: " + message.strip().replaceAll("\\s*\\R\\s*", " "),
						List.of());
			}
			result = result.took(Duration.ofNanos(System.nanoTime() - began));
			results.add(result);
			progress.accept(result);
		}
		ShopBuild.Outcome build = context.built() ? context.build() : null;
		return new Report(context.shop().label(), context.shop().commit(), context.baseline().map(ShopCheckout::label)
			.orElse(null), results, build, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Everything one run said.
	 * @param target what was checked
	 * @param commit its commit, or {@code null} for a directory
	 * @param baseline what it was compared with, or {@code null}
	 * @param build the shop's build, when a guardrail needed it
	 * @param duration the whole run
	 */
	public record Report(String target, String commit, String baseline, List<GuardrailResult> results,
			ShopBuild.Outcome build, Duration duration) {

		public boolean caught() {
			return this.results.stream().anyMatch((r) -> r.status() == GuardrailResult.Status.CAUGHT);
		}

		public boolean errors() {
			return this.results.stream().anyMatch((r) -> r.status() == GuardrailResult.Status.ERROR);
		}

		public GuardrailResult result(String id) {
			return this.results.stream().filter((r) -> r.id().equals(id)).findFirst().orElse(null);
		}

	}

}
