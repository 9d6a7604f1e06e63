package io.firedrill.kit.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
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
						+ "the tags are written into that clone (or the repository --repo DIR), wherever it is run"
						+ " from. Rerunning changes nothing." })
final class TagsCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Option(names = "--repo", paramLabel = "DIR",
			description = "Repository to write the tags into (default: the firedrill clone itself, never the repository"
					+ " holding the current directory).")
	private Path repo;

	@Option(names = "--force", description = "Move tags that point elsewhere (without it, that is an error).")
	private boolean force;

	@Override
	public Integer call() throws IOException {
		try (KitClone clone = this.parent.workspace().openKitClone()) {
			Catalog catalog = Catalog.read(clone);
			File gitDir = targetGitDir(clone.root(), this.parent.workspace().cwd(), this.repo);
			try (Repository target = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
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

	/**
	 * The git directory the tags go to: the one {@code --repo} names, else the firedrill clone the kit runs from,
	 * never a repository that merely holds the current directory.
	 * @param kitRoot the firedrill clone's root
	 * @param cwd where the command runs, to resolve a relative {@code --repo}
	 * @param repo the {@code --repo} given, or {@code null}
	 * @throws FiredrillException (input) if {@code --repo} is not a git repository
	 */
	static File targetGitDir(Path kitRoot, Path cwd, Path repo) {
		Path dir = (repo != null) ? cwd.resolve(repo).normalize() : kitRoot;
		File gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
		if (gitDir == null) {
			throw FiredrillException.input(dir + " is not a git repository");
		}
		return gitDir;
	}

}
