package io.firedrill.kit.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git}, isolated from the machine's configuration. */
public final class GitCli {

	private GitCli() {
	}

	public static String git(Path dir, String... args) {
		return git(Map.of(), dir, args);
	}

	public static String git(Map<String, String> env, Path dir, String... args) {
		List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main", "-c",
				"commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "core.autocrlf=false"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("GIT_CONFIG_NOSYSTEM", "1");
		environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
		environment.put("GIT_AUTHOR_NAME", "Fixture");
		environment.put("GIT_AUTHOR_EMAIL", "fixture@example.test");
		environment.put("GIT_COMMITTER_NAME", "Fixture");
		environment.put("GIT_COMMITTER_EMAIL", "fixture@example.test");
		environment.put("GIT_TERMINAL_PROMPT", "0");
		environment.putAll(env);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
			byte[] out = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("git " + String.join(" ", args) + " timed out");
			}
			if (process.exitValue() != 0) {
				throw new AssertionError("git " + String.join(" ", args) + " failed in " + dir + ": "
						+ new String(err.join(), StandardCharsets.UTF_8));
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AssertionError("cannot run git", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Lines of a git command's output, without the empty last one. */
	public static List<String> gitLines(Path dir, String... args) {
		String out = git(dir, args);
		return out.isEmpty() ? List.of() : List.of(out.split("\n"));
	}

	private static byte[] readAll(java.io.InputStream in) {
		try {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

}
