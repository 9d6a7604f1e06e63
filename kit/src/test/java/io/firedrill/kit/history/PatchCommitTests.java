package io.firedrill.kit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fix of the catalog is a patch; tamper fixtures need the modes git writes, symbolic links included. */
class PatchCommitTests {

	@Test
	void aPatchThatAddsASymbolicLinkCommitsALink(@TempDir Path dir) throws Exception {
		try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
			java.nio.file.Files.writeString(dir.resolve("a.txt"), "a\n");
			git.add().addFilepattern("a.txt").call();
			RevCommit base = git.commit().setMessage("a").setAuthor("x", "x@x").setCommitter("x", "x@x").call();
			String patch = """
					From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
					From: Candidate <candidate@example.com>
					Subject: [PATCH] link

					---
					diff --git a/target b/target
					new file mode 120000
					index 0000000..34ed534
					--- /dev/null
					+++ b/target
					@@ -0,0 +1 @@
					+/etc
					\\ No newline at end of file
					""";

			RevCommit commit = PatchCommit.apply(git.getRepository(), base, patch.getBytes(StandardCharsets.UTF_8),
					new PersonIdent("Candidate", "candidate@example.com"), "link", "test");

			try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), "target", commit.getTree())) {
				assertThat(walk.getFileMode(0)).isEqualTo(FileMode.SYMLINK);
				assertThat(new String(git.getRepository().open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8))
					.isEqualTo("/etc");
			}
		}
	}

}
