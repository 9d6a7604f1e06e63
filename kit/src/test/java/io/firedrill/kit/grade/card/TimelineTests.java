package io.firedrill.kit.grade.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTests {

	static final Instant BRIEF_TIME = Instant.parse("2026-11-24T14:30:00Z");

	@TempDir
	Path dir;

	@Test
	void listsTheCandidatesCommitsAfterTheBriefOldestFirstWithTimeMessageAndFiles() throws Exception {
		try (Git git = Git.init().setDirectory(this.dir.toFile()).setInitialBranch("main").call()) {
			RevCommit incident = commit(git, "Release 2.4.0", 0, "pom.xml");
			commit(git, "Add on-call brief\n", 1, "BRIEF.md");
			commit(git, "Reproduce the 500\u001b[31m in a test\n\nbody line", 60, "checkout-service/CheckoutTests.java");
			String[] many = new String[12];
			for (int i = 0; i < many.length; i++) {
				many[i] = "checkout-service/F" + (char) ('a' + i) + ".java";
			}
			RevCommit last = commit(git, "x".repeat(300), 120, many);

			Timeline timeline = Timeline.of(git.getRepository(), last, incident);

			assertThat(timeline.fromIncident()).isTrue();
			assertThat(timeline.truncated()).isFalse();
			assertThat(timeline.commits()).extracting(Timeline.Entry::time)
				.containsExactly("2026-11-24T16:30:00+01:00", "2026-11-24T17:30:00+01:00");
			Timeline.Entry first = timeline.commits().get(0);
			assertThat(first.message()).isEqualTo("Reproduce the 500\\u001b[31m in a test");
			assertThat(first.files()).containsExactly("checkout-service/CheckoutTests.java");
			assertThat(first.filesChanged()).isEqualTo(1);
			Timeline.Entry second = timeline.commits().get(1);
			assertThat(second.commit()).isEqualTo(last.name());
			assertThat(second.message()).hasSize(Timeline.MESSAGE_LIMIT).endsWith("…");
			assertThat(second.filesChanged()).isEqualTo(12);
			assertThat(second.files()).hasSize(Timeline.FILES_SHOWN).startsWith("checkout-service/Fa.java");
		}
	}

	@Test
	void keepsTheLastCommitsWhenThereAreTooMany() throws Exception {
		try (Git git = Git.init().setDirectory(this.dir.toFile()).setInitialBranch("main").call()) {
			RevCommit incident = commit(git, "Release", 0, "pom.xml");
			RevCommit last = null;
			for (int i = 1; i <= Timeline.LIMIT + 3; i++) {
				last = commit(git, "step " + i, i, "f.txt");
			}

			Timeline timeline = Timeline.of(git.getRepository(), last, incident);

			assertThat(timeline.truncated()).isTrue();
			assertThat(timeline.commits()).hasSize(Timeline.LIMIT);
			assertThat(timeline.commits().get(0).message()).isEqualTo("step 4");
			assertThat(timeline.commits().get(Timeline.LIMIT - 1).message()).isEqualTo("step " + (Timeline.LIMIT + 3));
		}
	}

	@Test
	void aHistoryWithoutTheIncidentsCommitGivesTheLastCommitsAndSaysSo() throws Exception {
		RevCommit incident;
		try (Git other = Git.init().setDirectory(this.dir.resolve("other").toFile()).call()) {
			incident = commit(other, "the kit's release", 0, "pom.xml");
		}
		try (Git git = Git.init().setDirectory(this.dir.resolve("rewritten").toFile()).setInitialBranch("main").call()) {
			RevCommit last = null;
			for (int i = 1; i <= Timeline.REWRITTEN_LIMIT + 5; i++) {
				last = commit(git, "squashed " + i, i, "f.txt");
			}

			Timeline timeline = Timeline.of(git.getRepository(), last, incident);

			assertThat(timeline.fromIncident()).isFalse();
			assertThat(timeline.truncated()).isTrue();
			assertThat(timeline.commits()).hasSize(Timeline.REWRITTEN_LIMIT);
			assertThat(timeline.commits().get(0).message()).isEqualTo("squashed 6");
			assertThat(timeline.commits().get(0).filesChanged()).isEqualTo(1);
		}
	}

	/** A commit touching {@code paths} (new content each time), {@code minutes} after the brief, at +01:00. */
	private static RevCommit commit(Git git, String message, int minutes, String... paths) throws IOException {
		Path root = git.getRepository().getWorkTree().toPath();
		try {
			for (String path : paths) {
				Path file = root.resolve(path);
				Files.createDirectories(file.getParent());
				Files.writeString(file, message + minutes + "\n", StandardCharsets.UTF_8);
				git.add().addFilepattern(path).call();
			}
			PersonIdent author = new PersonIdent("Candidate", "c@example.test", BRIEF_TIME.plusSeconds(minutes * 60L),
					ZoneOffset.ofHours(1));
			return git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
		}
		catch (org.eclipse.jgit.api.errors.GitAPIException ex) {
			throw new IOException(ex);
		}
	}

}
