package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.export.CandidateExport;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.catalog.Fix;
import io.firedrill.kit.catalog.Fixes;
import io.firedrill.kit.grade.FixCommits;
import io.firedrill.kit.history.TagSync;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill export <incident> --out DIR}: a fresh repository to hand to a candidate. */
@Command(name = "export",
		description = { "Write the candidate repository of an incident: v2.3.0, one commit per PR, "
				+ "the on-call brief (BRIEF.md) on branch main, and the tags. It holds nothing of firedrill." })
final class ExportCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Mixin
	private IncidentArgument incidentArgument;

	@Option(names = "--out", paramLabel = "DIR", required = true,
			description = "Directory of the new repository; must not exist or be empty.")
	private Path out;

	@Option(names = "--bundle", paramLabel = "FILE",
			description = "Also write a git bundle of all its refs to FILE (must not exist).")
	private Path bundle;

	@Option(names = "--fix", paramLabel = "FIX",
			description = "Commit this known fix of the incident on main, as a candidate would (an id of its"
					+ " fixes/fixes.yaml, or 'reference'): for the interviewer and the grader's benchmarks, never"
					+ " for a candidate.")
	private String fix;

	@Override
	public Integer call() {
		Path cwd = this.parent.workspace().cwd();
		try (KitClone clone = this.parent.workspace().openKitClone()) {
			Incident incident = this.incidentArgument.in(clone);
			Fix known = null;
			if (this.fix != null) {
				if (this.bundle != null) {
					throw FiredrillException.input("--fix and --bundle do not go together: a bundle is for a candidate");
				}
				Criteria criteria = Criteria.read(clone);
				List<Fix> fixes = Fixes.read(clone, incident, criteria.of(incident))
					.orElseThrow(() -> FiredrillException.input("incident " + incident.id() + " has no "
							+ Fixes.path(incident)));
				known = Fixes.find(fixes, this.fix, incident);
			}
			CandidateExport.Result result = CandidateExport.export(clone, incident, cwd.resolve(this.out),
					(this.bundle != null) ? cwd.resolve(this.bundle) : null);
			PrintWriter out = this.spec.commandLine().getOut();
			if (known != null) {
				RevCommit commit = FixCommits.commitOnMain(result.directory(), known, incident);
				out.println("exported " + incident.id() + " to " + TerminalText.safe(result.directory()) + " ("
						+ CandidateExport.BRANCH + " at " + TagSync.abbreviate(commit) + ": fix " + known.id()
						+ " committed on the brief)");
			}
			else {
				out.println("exported " + incident.id() + " to " + TerminalText.safe(result.directory()) + " ("
						+ CandidateExport.BRANCH + " at " + TagSync.abbreviate(result.main()) + ")");
			}
			for (Map.Entry<String, ObjectId> tag : result.tags().entrySet()) {
				out.println("  tag " + tag.getKey() + " " + TagSync.abbreviate(tag.getValue()));
			}
			if (result.bundle() != null) {
				out.println("bundle " + TerminalText.safe(result.bundle()));
			}
			out.flush();
		}
		return ExitCode.DONE.code();
	}

}
