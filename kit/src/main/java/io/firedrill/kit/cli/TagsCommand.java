package io.firedrill.kit.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.history.TagSync;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill tags}: creates or updates the release and incident tags in a repository. */
@Command(name = "tags",
		description = { "Create or update the tags v2.3.0, v2.4.0 and incident/<id> for every incident.",
				"The catalog and the shop are read from the HEAD commit of the firedrill clone; "
						+ "the tags are written into the repository DIR. Rerunning changes nothing." })
final class TagsCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Option(names = "--repo", paramLabel = "DIR",
			description = "Repository to write the tags into (default: the one holding the current directory).")
	private Path repo;

	@Option(names = "--force", description = "Move tags that point elsewhere (without it, that is an error).")
	private boolean force;

	@Override
	public Integer call() throws IOException {
		try (KitClone clone = this.parent.workspace().openKitClone()) {
			Catalog catalog = Catalog.read(clone);
			try (Repository target = openTarget()) {
				List<TagSync.Outcome> outcomes = TagSync.sync(clone, catalog, target, this.force);
				PrintWriter out = this.spec.commandLine().getOut();
				int width = outcomes.stream().mapToInt((o) -> o.tag().length()).max().orElse(0);
				for (TagSync.Outcome outcome : outcomes) {
					out.printf("%-7s  %-" + width + "s  %s%s%n", outcome.action().label(), outcome.tag(),
							TagSync.abbreviate(outcome.id()),
							(outcome.previous() != null) ? " (was " + TagSync.abbreviate(outcome.previous()) + ")" : "");
				}
				if (catalog.releaseIncident().isEmpty()) {
					out.println("no incident has releaseTag: true, so no release tag beyond v2.3.0");
				}
				out.flush();
			}
		}
		return ExitCode.DONE.code();
	}

	private Repository openTarget() throws IOException {
		Path cwd = this.parent.workspace().cwd();
		File gitDir;
		if (this.repo != null) {
			Path dir = cwd.resolve(this.repo).normalize();
			gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
			if (gitDir == null) {
				throw FiredrillException.input(dir + " is not a git repository");
			}
		}
		else {
			gitDir = new FileRepositoryBuilder().findGitDir(cwd.toFile()).getGitDir();
			if (gitDir == null) {
				throw FiredrillException.input("not a git repository: " + cwd + " (use --repo DIR)");
			}
		}
		return new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
	}

}
