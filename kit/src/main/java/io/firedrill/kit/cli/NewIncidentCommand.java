package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.authoring.NewIncident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill new-incident <id> --from <commits>}: an incident of the catalog made from commits on the shop. */
@Command(name = "new-incident",
		description = { "Make incidents/<id>/ from commits on the shop: one PR (a git format-patch file, with its author,"
				+ " date and message) per commit of --from, incident.yaml, brief.md and notes.md to fill in, and with"
				+ " --fix the reference fix in fixes/. Each --criterion gets a hidden suite to write under grading/"
				+ " and its entry in grading/criteria.yaml.",
				"Nothing is written when the id exists, a commit changes more than the shop, or the series does not"
						+ " apply to the healthy release. The files are left in the work tree for you to review and commit."
						+ " See incidents/README.md." })
final class NewIncidentCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<id>", description = "Id of the new incident (its folder name).")
	private String id;

	@Option(names = "--from", required = true, paramLabel = "COMMITS",
			description = "The PRs: a range A..B, or a branch or commit (its commits that HEAD lacks), oldest first.")
	private String from;

	@Option(names = "--fix", paramLabel = "COMMITS",
			description = "A branch or commit on top of the last PR: its commits after it, as one patch, are the reference fix.")
	private String fix;

	@Option(names = "--criterion", paramLabel = "ID",
			description = "A new criterion this incident is graded on (a hidden suite to write); repeatable.")
	private List<String> newCriteria = new ArrayList<>();

	@Option(names = "--criterion-of", paramLabel = "ID",
			description = "An existing criterion of grading/criteria.yaml this incident is also graded on; repeatable.")
	private List<String> existingCriteria = new ArrayList<>();

	@Option(names = "--title", paramLabel = "TEXT", description = "The incident's title (default: the last PR's subject).")
	private String title;

	@Option(names = "--timebox", paramLabel = "DURATION", defaultValue = "60m",
			description = "The exercise's time box (default: ${DEFAULT-VALUE}).")
	private String timebox;

	@Override
	public Integer call() {
		try (KitClone kit = this.parent.workspace().openKitClone()) {
			NewIncident.Draft draft = NewIncident.draft(kit, kit.root(), new NewIncident.Request(this.id, this.from,
					this.fix, this.newCriteria, this.existingCriteria, this.title, this.timebox));
			List<Path> written = NewIncident.write(kit.root(), draft);
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("incident " + draft.id() + ": " + draft.prs().size() + (draft.prs().size() == 1 ? " PR" : " PRs")
					+ (draft.hasFix() ? " and its reference fix" : ", no fix yet"));
			for (String pr : draft.prs()) {
				out.println("  " + TerminalText.safe(pr));
			}
			for (Path path : written) {
				out.println("wrote " + kit.root().relativize(path));
			}
			out.println("next: fill in brief.md, notes.md and the spoilers of incident.yaml"
					+ (this.newCriteria.isEmpty() ? "" : ", write the hidden tests")
					+ ", add fixes, commit, then ./firedrill check-incident " + draft.id());
			out.flush();
		}
		return ExitCode.DONE.code();
	}

}
