package io.firedrill.kit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exit code of {@code firedrill}, in one place. The {@code --help} of every command lists them from here.
 */
public enum ExitCode {

	DONE(0, "done; for grade: a scorecard was written, whatever the score"),
	INTERNAL(1, "internal error: a bug in firedrill (rerun with --verbose and report it)"),
	USAGE(2, "usage error: unknown command or option, missing or extra argument"),
	INPUT(3, "input not usable: unknown incident, output not empty or not writable, not a git repository, corrupt"
			+ " bundle, unknown ref, corrupt incident.yaml (its replay: block included) or fixes.yaml, no replay.json, a tag that exists elsewhere"),
	ENVIRONMENT(4, "environment missing: not run from a firedrill clone, no incident catalog committed"),
	PATCH(5, "a patch of an incident no longer applies to the shop"),
	GRADING(6, "the grading run itself could not run: Maven missing or not starting, or what the hidden suites need"
			+ " could not be downloaded before it (no scorecard)"),
	PROOF(7, "prove, check-incident: a verdict differs from what the catalog expects (the broken tag, or a fix's expect);"
			+ " check-incident: a problem the author must fix; check-replay: a replay's figure misses what its incident"
			+ " expects"),
	CAUGHT(8, "guardrails: at least one guardrail caught a problem"),
	UNSAFE(9, "rollback-check: rolling back is unsafe (the older release fails on the newer schema); live rollback:"
			+ " unsafe and not forced, nothing changed"),
	INCONCLUSIVE(10, "guardrails, rollback-check: no verdict (the shop does not build, a database does not start)"),
	SHOP(11, "replay, live: the shop could not be built or run (see the log named in the message); live deploy and"
			+ " rollback: the running release stays"),
	NO_SESSION(12, "live deploy, rollback, status, stop: no live session answers for the --out folder");

	private final int code;

	private final String meaning;

	ExitCode(int code, String meaning) {
		this.code = code;
		this.meaning = meaning;
	}

	public int code() {
		return this.code;
	}

	public String meaning() {
		return this.meaning;
	}

	/** The list picocli prints under "Exit codes:" in every {@code --help}. */
	public static Map<String, String> helpList() {
		Map<String, String> list = new LinkedHashMap<>();
		for (ExitCode exitCode : values()) {
			list.put(String.valueOf(exitCode.code), exitCode.meaning);
		}
		return list;
	}

}
