package io.firedrill.kit.support;

import static io.firedrill.kit.support.GitCli.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the test clones ({@link FakeClone}, {@link TinyKit}, {@link ExtraJobClone}) write the same way. */
final class CloneFiles {

	/** The kit's block of the root pom, as the real one has it: export cuts it out. */
	static final String KIT_BLOCK = """
			        <!-- firedrill:kit-begin (not part of the shop; removed from exported repositories) -->
			        <module>kit</module>
			        <!-- firedrill:kit-end -->
			""";

	private CloneFiles() {
	}

	/** Writes a UTF-8 file at {@code path} under {@code dir}, with its folders. */
	static void write(Path dir, String path, String content) throws IOException {
		Path file = dir.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	/** Commits what is staged in {@code dir}, authored and committed at {@code date}, with these options of git commit. */
	static void commit(Path dir, String date, String message, String... options) {
		String[] args = new String[options.length + 4];
		args[0] = "commit";
		args[1] = "-q";
		System.arraycopy(options, 0, args, 2, options.length);
		args[options.length + 2] = "-m";
		args[options.length + 3] = message;
		git(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), dir, args);
	}

}
