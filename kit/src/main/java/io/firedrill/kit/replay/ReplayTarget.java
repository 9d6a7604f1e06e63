package io.firedrill.kit.replay;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.PullRequest;
import io.firedrill.kit.history.HistoryWriter;
import io.firedrill.kit.history.ShopRelease;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What a replay deploys: the release running before the deploy ({@value ShopRelease#BASE_TAG}) and the one
 * deployed at the deploy time, made the way {@code firedrill tags} makes them (same commits, same trees), in a
 * repository of their own so the firedrill clone is left untouched.
 *
 * @param name what the user asked for
 * @param incident the incident replayed, or {@code null} for a control run of the base release
 * @param beforeLabel the running release ({@code v2.3.0})
 * @param afterLabel the deployed release ({@code v2.4.0} or {@code incident/<id>})
 * @param before commit of the running release
 * @param after commit of the deployed release
 * @param changelog the PRs the deploy ships, in order
 * @param repository holds both commits and their trees
 */
public record ReplayTarget(String name, Incident incident, String beforeLabel, String afterLabel, RevCommit before,
		RevCommit after, List<Change> changelog, Repository repository) implements AutoCloseable {

	/**
	 * One PR of the deploy, as {@code git log} shows it.
	 * @param number PR number
	 * @param title PR title from the incident
	 * @param subject first line of the commit message
	 * @param author author's name
	 * @param email author's e-mail
	 * @param date when it was authored
	 * @param zone the author's time zone
	 * @param commit abbreviated commit id
	 */
	public record Change(int number, String title, String subject, String author, String email, Instant date,
			ZoneId zone, String commit) {
	}

	/**
	 * Resolves an incident id ({@code release-2.4.0}), its tag ({@code incident/ungated-discount}), the release tag
	 * ({@code v2.4.0}) or the base release ({@code v2.3.0}, a control run without change).
	 * @throws FiredrillException (input) for anything else
	 */
	public static ReplayTarget resolve(KitClone clone, Catalog catalog, String name) {
		Optional<Incident> incident = find(catalog, name);
		boolean control = name.equals(ShopRelease.BASE_TAG);
		if (incident.isEmpty() && !control) {
			throw FiredrillException.input("unknown incident or tag '" + name + "': use an incident id, incident/<id>, "
					+ ShopRelease.BASE_TAG + " or the release tag (see 'firedrill list')");
		}
		InMemoryRepository repository = new InMemoryRepository(new DfsRepositoryDescription("firedrill-replay"));
		try (HistoryWriter writer = new HistoryWriter(clone, repository)) {
			RevCommit base = writer.base();
			if (control) {
				return new ReplayTarget(name, null, ShopRelease.BASE_TAG, ShopRelease.BASE_TAG, base, base, List.of(),
						repository);
			}
			Incident chosen = incident.get();
			HistoryWriter.Series series = writer.series(chosen);
			List<Change> changes = new ArrayList<>();
			for (int i = 0; i < chosen.prs().size(); i++) {
				PullRequest pr = chosen.prs().get(i);
				PersonIdent author = pr.patch().author();
				changes.add(new Change(pr.number(), pr.title(), pr.patch().subject(), author.getName(),
						author.getEmailAddress(), author.getWhenAsInstant(), author.getZoneId(),
						series.prs().get(i).abbreviate(10).name()));
			}
			String afterLabel = chosen.releaseTag() ? ShopRelease.releaseTag(chosen.release()) : chosen.tag();
			return new ReplayTarget(name, chosen, ShopRelease.BASE_TAG, afterLabel, base, series.tip(),
					List.copyOf(changes), repository);
		}
		catch (RuntimeException ex) {
			repository.close();
			throw ex;
		}
	}

	private static Optional<Incident> find(Catalog catalog, String name) {
		for (Incident incident : catalog.incidents()) {
			if (incident.id().equals(name) || incident.tag().equals(name)
					|| (incident.releaseTag() && ShopRelease.releaseTag(incident.release()).equals(name))) {
				return Optional.of(incident);
			}
		}
		return Optional.empty();
	}

	/**
	 * What the deploy is called on a graph, as on-call knows it: the release ({@code v2.4.0}), or the PRs it shipped
	 * ({@code #892}) for a single-PR incident, never the incident's name.
	 */
	public String deployLabel() {
		if (this.incident == null) {
			return this.afterLabel + " (restart)";
		}
		if (this.incident.releaseTag()) {
			return this.afterLabel;
		}
		return "of " + String.join(", ", this.changelog.stream().map((change) -> "#" + change.number()).toList());
	}

	/** Whether before and after are the same release (a control run). */
	public boolean isControl() {
		return this.incident == null;
	}

	@Override
	public void close() {
		this.repository.close();
	}

}
