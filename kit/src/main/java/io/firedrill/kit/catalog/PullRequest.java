package io.firedrill.kit.catalog;

/**
 * One PR of an incident: number and title come from {@code incident.yaml}; author, date and commit message
 * from its patch.
 *
 * @param number the PR's number ({@code 892})
 * @param title the PR's title
 * @param patchPath path of the patch in the firedrill repository ({@code incidents/<id>/patches/...})
 * @param patch the parsed patch
 */
public record PullRequest(int number, String title, String patchPath, PatchFile patch) {

	/** The patch's file name, as messages name it. */
	public String patchFileName() {
		return this.patch.fileName();
	}

}
