package io.firedrill.kit.templates;

import static io.firedrill.kit.support.Cli.firedrill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.TinyKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The GitHub workflows of {@code kit/templates/github} run step by step as a runner runs them: each job in a
 * checkout of its own (a tiny kit, as the grader repository), each {@code run:} script with {@code bash -e} and
 * the environment its step declares, and the runner's files ({@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY}).
 * Artifacts move between jobs as the upload and download actions move them. The {@code firedrill} of each checkout
 * is this build of the kit.
 */
class WorkflowStepsIntegrationTests {

	private static final Path TEMPLATES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
		.resolve("templates");

	@TempDir
	Path dir;

	@Test
	void theCohortWorkflowCutsTheRosterGradesEachChunkAndWritesTheReportAndTheJobSummary() throws IOException {
		Path repository = graderRepository();
		Path alice = this.dir.resolve("alice");
		Files.createDirectories(repository.resolve("cohorts"));
		Run export = firedrill(repository, "export", TinyKit.INCIDENT, "--out", alice.toString(), "--bundle",
				repository.resolve("cohorts/bob.bundle").toString());
		assertThat(export.exitCode()).as(export.err()).isZero();
		// alice by URL (cloned by the fetch step), bob as a bundle committed beside the roster
		Files.writeString(repository.resolve("cohorts/roster.csv"),
				"candidate,repository,ref\nalice," + alice.toUri() + ",\nbob,bob.bundle,\n", StandardCharsets.UTF_8);
		io.firedrill.kit.support.GitCli.git(repository, "add", "-A");
		io.firedrill.kit.support.GitCli.git(repository, "commit", "-q", "-m", "the cohort's roster");
		JsonNode workflow = workflow("cohort.yml");
		Map<String, String> inputs = Map.of("INCIDENT", TinyKit.INCIDENT, "ROSTER", "cohorts/roster.csv", "CHUNKS",
				"16", "SUBMISSIONS_TOKEN", "");

		Runner plan = new Runner(checkout(repository, "plan"));
		plan.run(step(workflow, "plan", "Cut the roster into chunks"), inputs);
		Map<String, String> outputs = plan.outputs();
		assertThat(outputs).containsEntry("matrix", "{\"chunk\":[0,1]}").containsEntry("count", "2");

		Path downloads = this.dir.resolve("downloads");
		for (String chunk : List.of("0", "1")) {
			Runner grade = new Runner(checkout(repository, "grade-" + chunk));
			Map<String, String> values = new HashMap<>(inputs);
			values.put("CHUNK", chunk);
			values.put("COUNT", outputs.get("count"));
			grade.run(step(workflow, "grade", "Fetch this chunk's submissions"), values);
			grade.run(step(workflow, "grade", "Grade this chunk"), values);
			// actions/upload-artifact of scorecards/ as scorecards-<chunk>, then download-artifact into chunks/
			copyTree(grade.workspace().resolve("scorecards"), downloads.resolve("scorecards-" + chunk));
		}

		Runner report = new Runner(checkout(repository, "report"));
		copyTree(downloads, report.workspace().resolve("chunks"));
		report.run(step(workflow, "report", "Cohort report and job summary"), inputs);
		JsonNode cohort = JsonMapper.builder().build().readTree(report.workspace().resolve("cohort/cohort.json").toFile());
		assertThat(cohort.get("candidates")).hasSize(2);
		assertThat(cohort.get("candidates").valueStream().map((candidate) -> candidate.get("candidate").asString()))
			.containsExactlyInAnyOrder("alice", "bob");
		assertThat(report.workspace().resolve("cohort/cohort.html")).exists();
		String summary = Files.readString(report.summary());
		assertThat(summary).contains("alice", "bob");
		assertThat(Files.size(report.summary())).isLessThan(1 << 20);
	}

	@Test
	void theClassroomWorkflowGradesTheStudentsRepositoryAndHandsTheReporterItsInput() throws IOException {
		Path repository = graderRepository();
		Runner runner = new Runner(checkout(repository, "classroom"));
		// actions/checkout of the student's repository into submission/
		Run export = firedrill(repository, "export", TinyKit.INCIDENT, "--out",
				runner.workspace().resolve("submission").toString());
		assertThat(export.exitCode()).as(export.err()).isZero();

		runner.run(step(workflow("classroom.yml"), "grade", "Grade"), Map.of("INCIDENT", TinyKit.INCIDENT));

		String results = runner.outputs().get("results");
		JsonNode input = JsonMapper.builder().build().readTree(Base64.getDecoder().decode(results));
		assertThat(input.get("version").asInt()).isEqualTo(1);
		assertThat(input.get("status").asString()).isEqualTo("fail");
		assertThat(Files.readString(runner.summary())).contains(TinyKit.CRITERION);
		assertThat(runner.workspace().resolve("scorecard/feedback.html")).exists();
	}

	/** A tiny kit with the templates and a {@code firedrill} that runs this build of the kit, committed. */
	private Path graderRepository() throws IOException {
		Path root = TinyKit.create(this.dir.resolve("kit")).root();
		copyTree(TEMPLATES, root.resolve("kit/templates"));
		Path launcher = root.resolve("firedrill");
		Files.writeString(launcher, """
				#!/usr/bin/env bash
				# this build of the kit, as the grader repository's ./firedrill would run it
				root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
				exec "%s" -cp "%s" -Dfiredrill.home="$root" io.firedrill.kit.cli.FiredrillCommand "$@"
				""".formatted(Path.of(System.getProperty("java.home"), "bin", "java"),
				System.getProperty("java.class.path")));
		launcher.toFile().setExecutable(true);
		io.firedrill.kit.support.GitCli.git(root, "add", "-A");
		io.firedrill.kit.support.GitCli.git(root, "commit", "-q", "-m", "grader repository");
		return root;
	}

	/** What actions/checkout gives a job: a clone of the repository (with its history, fetch-depth 0). */
	private Path checkout(Path repository, String job) {
		Path workspace = this.dir.resolve("runner-" + job);
		io.firedrill.kit.support.GitCli.git(this.dir, "clone", "-q", repository.toString(), workspace.toString());
		return workspace;
	}

	private static JsonNode workflow(String name) {
		return YAMLMapper.builder().build().readTree(TEMPLATES.resolve("github").resolve(name).toFile());
	}

	private static JsonNode step(JsonNode workflow, String job, String name) {
		for (JsonNode step : workflow.get("jobs").get(job).get("steps")) {
			if (step.has("name") && step.get("name").asString().equals(name)) {
				return step;
			}
		}
		throw new AssertionError("job " + job + " has no step named " + name);
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			// the template checker's tools (installed by check.sh) are not part of a grader repository
			for (Path path : paths.filter((path) -> !path.toString().contains("node_modules")).toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	/** One job's runner: its workspace and the files GitHub gives its steps. */
	private static final class Runner {

		private final Path workspace;

		private final Path files;

		Runner(Path workspace) {
			this.workspace = workspace;
			try {
				this.files = Files.createTempDirectory(workspace.getParent(), "runner-files-");
				Files.createFile(this.files.resolve("output"));
				Files.createFile(this.files.resolve("summary"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Path workspace() {
			return this.workspace;
		}

		Path summary() {
			return this.files.resolve("summary");
		}

		/**
		 * Runs a step's script as the runner does ({@code bash -e} on a file); every variable of the step's
		 * {@code env:} must have a value in {@code values} (a step that reads a new variable fails the test).
		 */
		void run(JsonNode step, Map<String, String> values) {
			try {
				Path script = Files.createTempFile(this.files, "step-", ".sh");
				Files.writeString(script, step.get("run").asString());
				ProcessBuilder builder = new ProcessBuilder("bash", "-e", script.toString())
					.directory(this.workspace.toFile())
					.redirectErrorStream(true)
					.redirectOutput(this.files.resolve("log-" + script.getFileName()).toFile());
				Map<String, String> environment = builder.environment();
				environment.put("GITHUB_OUTPUT", this.files.resolve("output").toString());
				environment.put("GITHUB_STEP_SUMMARY", summary().toString());
				environment.put("GITHUB_WORKSPACE", this.workspace.toString());
				environment.put("RUNNER_TEMP", this.files.toString());
				environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
				if (step.has("env")) {
					for (String name : step.get("env").propertyNames()) {
						assertThat(values).as("a value for %s of step %s", name, step.get("name")).containsKey(name);
						environment.put(name, values.get(name));
					}
				}
				Process process = builder.start();
				if (!process.waitFor(10, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					throw new AssertionError("step " + step.get("name") + " did not end in 10 minutes");
				}
				String log = Files.readString(this.files.resolve("log-" + script.getFileName()));
				assertThat(process.exitValue()).as("step %s exited; its output:%n%s", step.get("name"), log).isZero();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

		/** {@code GITHUB_OUTPUT} as the runner reads it: {@code name=value} lines. */
		Map<String, String> outputs() {
			Map<String, String> outputs = new HashMap<>();
			try {
				for (String line : Files.readAllLines(this.files.resolve("output"))) {
					int equals = line.indexOf('=');
					if (equals > 0) {
						outputs.put(line.substring(0, equals), line.substring(equals + 1));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return outputs;
		}

	}

}
