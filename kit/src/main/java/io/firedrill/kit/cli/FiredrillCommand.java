package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.util.List;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code firedrill}: only dispatches to its subcommands. Errors are printed here, as one line each.
 */
@Command(name = "firedrill", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
		versionProvider = VersionProvider.class, sortOptions = false, usageHelpAutoWidth = true,
		description = "Turns the Acme Shop into the broken releases of the incident catalog, and grades the fixes.",
		subcommands = { ListCommand.class, ShowCommand.class, TagsCommand.class, ExportCommand.class,
				GradeCommand.class, CohortCommand.class, ProveCommand.class, DemoCommand.class, GuardrailsCommand.class,
				RollbackCheckCommand.class, ReplayCommand.class, CheckReplayCommand.class, LiveCommand.class, NewIncidentCommand.class, CheckIncidentCommand.class },
		exitCodeListHeading = "%nExit codes:%n", footerHeading = "%n",
		footer = { "The catalog (incidents/), the hidden suites (grading/) and the shop are read",
				"from the HEAD commit of the firedrill clone, never from its work tree: commit",
				"before you run.",
				"Errors are one line on stderr; --verbose adds the stack trace." })
public final class FiredrillCommand implements Runnable {

	@Spec
	private CommandSpec spec;

	@Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the stack trace of an error.")
	private boolean verbose;

	private final Workspace workspace;

	public FiredrillCommand(Workspace workspace) {
		this.workspace = workspace;
	}

	Workspace workspace() {
		return this.workspace;
	}

	@Override
	public void run() {
		List<String> commands = List.copyOf(this.spec.subcommands().keySet());
		throw new ParameterException(this.spec.commandLine(), "missing command ("
				+ String.join(", ", commands.subList(0, commands.size() - 1)) + " or " + commands.get(commands.size() - 1)
				+ ")");
	}

	public static void main(String[] args) {
		System.exit(commandLine(Workspace.fromSystem()).execute(args));
	}

	/** The whole command tree, with firedrill's error handling and the exit codes in every {@code --help}. */
	public static CommandLine commandLine(Workspace workspace) {
		FiredrillCommand root = new FiredrillCommand(workspace);
		CommandLine commandLine = new CommandLine(root);
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> handle(root, ex, cmd, parseResult));
		commandLine.setParameterExceptionHandler(FiredrillCommand::usageError);
		applyExitCodeList(commandLine);
		return commandLine;
	}

	private static void applyExitCodeList(CommandLine commandLine) {
		commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
		commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
		commandLine.getSubcommands().values().forEach(FiredrillCommand::applyExitCodeList);
	}

	private static int handle(FiredrillCommand root, Exception ex, CommandLine cmd, ParseResult parseResult) {
		if (ex instanceof ParameterException parameterException) {
			return usageError(parameterException, new String[0]);
		}
		PrintWriter err = cmd.getErr();
		int code;
		if (ex instanceof FiredrillException failure) {
			err.println("firedrill: " + oneLine(failure.getMessage()));
			code = failure.exitCode().code();
		}
		else {
			String message = (ex.getMessage() != null) ? oneLine(ex.getMessage()) : ex.getClass().getSimpleName();
			err.println("firedrill: unexpected error: " + message + " (rerun with --verbose for details)");
			code = ExitCode.INTERNAL.code();
		}
		if (root.verbose) {
			ex.printStackTrace(err);
		}
		err.flush();
		return code;
	}

	private static int usageError(ParameterException ex, String[] args) {
		CommandLine cmd = ex.getCommandLine();
		PrintWriter err = cmd.getErr();
		err.println("firedrill: " + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName()
				+ " --help')");
		err.flush();
		return ExitCode.USAGE.code();
	}

	/** A message as one line, printable: it may quote a candidate's ref names or paths. */
	static String oneLine(String message) {
		return TerminalText.safe(message.strip().replaceAll("\\s*\\R\\s*", " "));
	}

}
