package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill list}: one line per incident. */
@Command(name = "list", description = "List the incidents of the catalog: id, title and grading criteria.")
final class ListCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		try (KitClone clone = this.parent.workspace().openKitClone()) {
			Catalog catalog = Catalog.read(clone);
			int width = catalog.incidents().stream().mapToInt((incident) -> incident.id().length()).max().orElse(0);
			PrintWriter out = this.spec.commandLine().getOut();
			for (Incident incident : catalog.incidents()) {
				out.printf("%-" + width + "s  %s  [%s]%n", incident.id(), incident.title(),
						String.join(", ", incident.criteria()));
			}
			out.flush();
		}
		return ExitCode.DONE.code();
	}

}
