package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.catalog.Fix;
import io.firedrill.kit.catalog.Fixes;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.PatchFile;
import io.firedrill.kit.export.CandidateExport;
import io.firedrill.kit.history.PatchCommit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A known fix made into commits, as a candidate would make it: on the incident's tag in the kit (prove), or on the
 * {@code main} of an exported candidate repository (export --fix, demo). What the fixes are is the catalog's
 * ({@link io.firedrill.kit.catalog.Fixes}).
 */
public final class FixCommits {

	/** Who submits a known fix, and when: fixed, so the same fix gives the same commit. */
	public static final PersonIdent CANDIDATE = new PersonIdent("Candidate", "candidate@example.com",
			Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);

	private FixCommits() {
	}

	/**
	 * Commits a fix on top of {@code parent} in {@code repository}, as the candidate would: author and committer
	 * {@link #CANDIDATE}, the patch's subject (or the fix's description) as message.
	 */
	public static RevCommit commit(Repository repository, ObjectId parent, Fix fix, Incident incident) {
		String message;
		try {
			PatchFile parsed = PatchFile.parse(fix.patchPath(), fix.patch());
			message = parsed.message();
		}
		catch (FiredrillException ex) {
			message = fix.description() + "\n";
		}
		return PatchCommit.apply(repository, parent, fix.patch(), CANDIDATE, message,
				"incident " + incident.id() + ": fix " + fix.id());
	}

	/**
	 * In an exported candidate repository: commits the fix on top of {@code main}, moves {@code main} to it and
	 * updates the work tree, as a candidate who submits that fix would.
	 */
	public static RevCommit commitOnMain(Path candidateRepository, Fix fix, Incident incident) {
		try (Git git = Git.open(candidateRepository.toFile())) {
			Repository repository = git.getRepository();
			ObjectId main = repository.resolve(Constants.R_HEADS + CandidateExport.BRANCH + "^{commit}");
			RevCommit commit = commit(repository, main, fix, incident);
			git.reset().setMode(ResetType.HARD).setRef(commit.name()).call();
			return commit;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GitAPIException ex) {
			throw new IllegalStateException("cannot move " + CandidateExport.BRANCH + " in " + candidateRepository, ex);
		}
	}

	/**
	 * In an exported candidate repository: commits the fix on top of the incident's tag as branch
	 * {@code fix/<id>}, leaving the work tree alone.
	 * @return the branch's name
	 */
	public static String branchFromTag(Path candidateRepository, Fix fix, Incident incident) {
		try (Repository repository = new FileRepositoryBuilder().setWorkTree(candidateRepository.toFile())
			.setMustExist(true)
			.build(); RevWalk walk = new RevWalk(repository)) {
			ObjectId tag = repository.resolve(Constants.R_TAGS + incident.tag() + "^{commit}");
			if (tag == null) {
				throw FiredrillException.input(candidateRepository + " has no tag " + incident.tag());
			}
			RevCommit commit = commit(repository, tag, fix, incident);
			String branch = "fix/" + fix.id();
			RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
			update.setNewObjectId(commit);
			update.setForceUpdate(true);
			update.disableRefLog();
			RefUpdate.Result result = update.update(walk);
			if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
					&& result != RefUpdate.Result.NO_CHANGE) {
				throw new IOException("could not create branch " + branch + ": " + result);
			}
			return branch;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
