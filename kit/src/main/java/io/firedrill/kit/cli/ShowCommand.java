package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.PullRequest;
import io.firedrill.kit.history.ShopRelease;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill show <incident>}: everything the catalog says about one incident. */
@Command(name = "show", description = "Show an incident: metadata, PRs, criteria, time box and brief.")
final class ShowCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Mixin
	private IncidentArgument incidentArgument;

	@Override
	public Integer call() {
		try (KitClone clone = this.parent.workspace().openKitClone()) {
			Incident incident = this.incidentArgument.in(clone);
			PrintWriter out = this.spec.commandLine().getOut();
			out.println(incident.id() + ": " + incident.title());
			out.println("  tag:       " + incident.tag()
					+ (incident.releaseTag() ? " and " + ShopRelease.releaseTag(incident.release()) : ""));
			out.println("  base:      " + incident.base()
					+ ((incident.release() != null) ? " (produces " + incident.release() + ")" : ""));
			out.println("  criteria:  " + (incident.criteria().isEmpty() ? "-" : String.join(", ", incident.criteria())));
			out.println("  time box:  " + ((incident.timebox() != null) ? incident.timebox() : "-"));
			out.println("  brief:     " + incident.briefPath());
			out.println("  PRs:");
			for (PullRequest pr : incident.prs()) {
				PersonIdent author = pr.patch().author();
				out.println("    #" + pr.number() + "  " + pr.title());
				out.println("          " + author.getName() + " <" + author.getEmailAddress() + ">, "
						+ OffsetDateTime.ofInstant(author.getWhenAsInstant(), author.getZoneId())
							.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
				out.println("          " + pr.patchPath());
			}
			out.flush();
		}
		return ExitCode.DONE.code();
	}

}
