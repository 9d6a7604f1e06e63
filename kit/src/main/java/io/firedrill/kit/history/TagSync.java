package io.firedrill.kit.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Brings a repository's firedrill tags ({@code v2.3.0}, the release, {@code incident/<id>}) to what the catalog
 * makes. Tags already right are kept; a tag pointing elsewhere is moved only when forced.
 */
public final class TagSync {

	public enum Action {

		CREATED("created"), KEPT("kept"), MOVED("moved");

		private final String label;

		Action(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** What happened to one tag; {@code previous} is set when it was moved. */
	public record Outcome(String tag, ObjectId id, Action action, ObjectId previous) {
	}

	private TagSync() {
	}

	/**
	 * Writes the tags into {@code target}.
	 * @param force move tags that point elsewhere
	 * @return one outcome per tag, in a stable order
	 * @throws FiredrillException input if a tag points elsewhere and {@code force} is off (nothing is changed)
	 */
	public static List<Outcome> sync(KitClone source, Catalog catalog, Repository target, boolean force) {
		try (HistoryWriter writer = new HistoryWriter(source, target)) {
			Map<String, ObjectId> wanted = writer.tags(catalog.incidents());
			List<Outcome> outcomes = new ArrayList<>();
			for (Map.Entry<String, ObjectId> tag : wanted.entrySet()) {
				Ref existing = target.exactRef(tag.getKey());
				String name = tag.getKey().substring(Constants.R_TAGS.length());
				if (existing == null || existing.getObjectId() == null) {
					outcomes.add(new Outcome(name, tag.getValue(), Action.CREATED, null));
				}
				else if (existing.getObjectId().equals(tag.getValue())) {
					outcomes.add(new Outcome(name, tag.getValue(), Action.KEPT, null));
				}
				else {
					outcomes.add(new Outcome(name, tag.getValue(), Action.MOVED, existing.getObjectId()));
				}
			}
			List<Outcome> moves = outcomes.stream().filter((o) -> o.action() == Action.MOVED).toList();
			if (!moves.isEmpty() && !force) {
				throw FiredrillException.input(moves.stream()
					.map((o) -> "tag " + o.tag() + " points to " + abbreviate(o.previous()) + ", not "
							+ abbreviate(o.id()))
					.collect(Collectors.joining("; ")) + ": rerun with --force to move "
						+ ((moves.size() == 1) ? "it" : "them"));
			}
			try (RevWalk walk = new RevWalk(target)) {
				for (Outcome outcome : outcomes) {
					if (outcome.action() != Action.KEPT) {
						update(target, walk, outcome);
					}
				}
			}
			return outcomes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void update(Repository target, RevWalk walk, Outcome outcome) throws IOException {
		RefUpdate update = target.updateRef(Constants.R_TAGS + outcome.tag());
		update.setNewObjectId(outcome.id());
		update.setExpectedOldObjectId((outcome.previous() != null) ? outcome.previous() : ObjectId.zeroId());
		update.setForceUpdate(true);
		update.disableRefLog();
		RefUpdate.Result result = update.update(walk);
		switch (result) {
			case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
			}
			default -> throw new IOException("could not update tag " + outcome.tag() + ": " + result);
		}
	}

	public static String abbreviate(ObjectId id) {
		return id.abbreviate(10).name();
	}

}
