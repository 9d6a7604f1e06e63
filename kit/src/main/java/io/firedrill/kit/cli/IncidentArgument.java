package io.firedrill.kit.cli;

import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Incident;
import picocli.CommandLine.Parameters;

/** The {@code <incident>} of the commands that work on one incident of the catalog: show, export and grade. */
final class IncidentArgument {

	@Parameters(index = "0", paramLabel = "<incident>", description = "Id of the incident (see 'firedrill list').")
	private String id;

	/**
	 * The incident in the catalog at the clone's HEAD commit.
	 * @throws io.firedrill.kit.FiredrillException (input) if the catalog has no such incident
	 */
	Incident in(KitClone kit) {
		return Catalog.read(kit).get(this.id);
	}

}
