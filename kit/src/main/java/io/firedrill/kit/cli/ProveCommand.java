package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.grade.GradingSession;
import io.firedrill.kit.grade.Prover;
import io.firedrill.kit.grade.run.MavenRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill prove [incident...]}: the grader's fairness proof, as CI runs it. */
@Command(name = "prove",
		description = { "Prove the grader on the catalog (Defects4J's discipline): each incident's broken tag passes"
				+ " its own visible tests and fails every criterion; every fix of incidents/<id>/fixes/fixes.yaml,"
				+ " committed on the incident's tag, gets exactly the verdicts it expects; every criterion is made to"
				+ " fail by at least one known-wrong fix.",
				"Prints the verdict matrix and the time of each variant. Exit 0 only when everything matches." })
final class ProveCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<incident>", arity = "0..*",
			description = "Incidents to prove (default: every incident of the catalog).")
	private List<String> incidentIds = new ArrayList<>();

	@Mixin
	private GradingTimeout timeout;

	@Mixin
	private ProofOptions proof;

	@Mixin
	private KeepWorkFolders keep;

	@Override
	public Integer call() {
		Path keepDir = this.proof.keepFolder(this.parent.workspace());
		try (KitClone kit = this.parent.workspace().openKitClone()) {
			Catalog catalog = Catalog.read(kit);
			Criteria criteria = Criteria.read(kit);
			List<Incident> incidents = new ArrayList<>();
			if (this.incidentIds.isEmpty()) {
				incidents.addAll(catalog.incidents());
			}
			for (String id : this.incidentIds) {
				incidents.add(catalog.get(id));
			}
			incidents.forEach(criteria::of);
			GradingSession.Settings settings = new GradingSession.Settings(MavenRun.locate(kit.root()), this.timeout.value,
					this.keep.value);
			PrintWriter out = this.spec.commandLine().getOut();
			Prover.Proof proof = new Prover(kit, criteria, settings, out, keepDir).prove(incidents);
			out.println("timing: " + String.join(", ", proof.timings()));
			if (proof.holds()) {
				out.println("proof holds: " + proof.verdicts().size() + " verdicts, all as expected");
				out.flush();
				return ExitCode.DONE.code();
			}
			out.flush();
			List<String> problems = new ArrayList<>();
			for (Prover.Verdict verdict : proof.mismatches()) {
				problems.add(verdict.incident() + "/" + verdict.variant() + "/" + verdict.criterion() + " expected "
						+ verdict.expected() + ", got " + verdict.actual());
			}
			for (String untested : proof.untested()) {
				problems.add(untested + " is untested (no known-wrong fix makes it fail)");
			}
			throw new FiredrillException(ExitCode.PROOF, "the proof does not hold: "
					+ problems.stream().collect(Collectors.joining("; ")));
		}
	}

}
