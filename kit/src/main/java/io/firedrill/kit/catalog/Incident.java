package io.firedrill.kit.catalog;

import java.util.List;

/**
 * One incident of the catalog, found by its id: {@code incidents/<id>/incident.yaml} and the files it names.
 *
 * @param id the incident's identifier, also its folder name
 * @param title one-line description, as the on-call would say it
 * @param tag the tag its last PR gets ({@code incident/<id>})
 * @param base the healthy release the series applies to ({@code v2.3.0})
 * @param release the version the series produces ({@code 2.4.0}), may be {@code null}
 * @param releaseTag whether the series' tip is also tagged {@code v<release>}
 * @param timebox time box of the exercise ({@code 90m}), may be {@code null}
 * @param criteria ids of the grading criteria
 * @param prs the PRs, in the order they are applied
 * @param briefPath path of the brief in the firedrill repository
 * @param brief the brief's content
 * @param spoilers phrases the brief must not contain: they would give the root cause away
 * @param replay the story a replay of it tells ({@code replay:} over {@code incidents/replay.yaml}), {@code null}
 * when its {@code incident.yaml} has no {@code replay:} block ({@link Catalog#replayFacts} then gives the default)
 * @param demo whether {@code firedrill demo} plays it ({@code demo: true}, one incident at most)
 */
public record Incident(String id, String title, String tag, String base, String release, boolean releaseTag,
		String timebox, List<String> criteria, List<PullRequest> prs, String briefPath, byte[] brief,
		List<String> spoilers, ReplayFacts replay, boolean demo, List<String> hintProblems) {

	/** An incident whose scorecard lists the rubric's own hint problems. */
	public Incident(String id, String title, String tag, String base, String release, boolean releaseTag,
			String timebox, List<String> criteria, List<PullRequest> prs, String briefPath, byte[] brief,
			List<String> spoilers, ReplayFacts replay, boolean demo) {
		this(id, title, tag, base, release, releaseTag, timebox, criteria, prs, briefPath, brief, spoilers, replay,
				demo, List.of());
	}

	/** An incident without replay block, not the demo's. */
	public Incident(String id, String title, String tag, String base, String release, boolean releaseTag,
			String timebox, List<String> criteria, List<PullRequest> prs, String briefPath, byte[] brief,
			List<String> spoilers) {
		this(id, title, tag, base, release, releaseTag, timebox, criteria, prs, briefPath, brief, spoilers, null,
				false);
	}

	public Incident {
		spoilers = List.copyOf(spoilers);
		criteria = List.copyOf(criteria);
		prs = List.copyOf(prs);
		hintProblems = List.copyOf(hintProblems);
	}

	/** Path of the incident's folder in the firedrill repository. */
	public String folder() {
		return Catalog.ROOT + "/" + this.id;
	}

	public PullRequest lastPr() {
		return this.prs.get(this.prs.size() - 1);
	}

}
