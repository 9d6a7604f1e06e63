package io.firedrill.kit.cohort;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.grade.card.ScorecardFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidates' folders of one or more cohort folders (written by {@code firedrill cohort} here, or downloaded from
 * other machines), read into a {@link Cohort}. A folder with a {@code scorecard.json} is a graded candidate, one with
 * a {@value ErrorCard#FILE} an error; anything else is not the report's business and is left alone.
 */
final class CohortFolders {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CohortFolders() {
	}

	/**
	 * @throws FiredrillException (input) when a folder cannot be read, a candidate appears twice, the scorecards are
	 * of several incidents or kits, or there is no candidate at all
	 */
	static Cohort read(List<Path> dirs, Instant now) {
		List<Card> cards = new ArrayList<>();
		Map<String, Path> seen = new HashMap<>();
		for (Path dir : dirs) {
			if (!Files.isDirectory(dir)) {
				throw FiredrillException.input(dir + " is not a folder of candidate scorecard folders");
			}
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
				for (Path folder : entries) {
					String name = folder.getFileName().toString();
					if (name.startsWith(".") || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
						continue;
					}
					Card card = readFolder(name, folder);
					if (card == null) {
						continue;
					}
					Path earlier = seen.put(name, folder);
					if (earlier != null) {
						throw FiredrillException.input("candidate " + name + " has two folders: " + earlier + " and "
								+ folder + " (give the report each candidate once)");
					}
					cards.add(card);
				}
			}
			catch (IOException ex) {
				throw FiredrillException.input("cannot read " + dir + ": " + Folders.reason(ex), ex);
			}
		}
		if (cards.isEmpty()) {
			throw FiredrillException.input("no candidate folder (with " + ScorecardFiles.JSON + " or " + ErrorCard.FILE
					+ ") in " + String.join(", ", dirs.stream().map(Path::toString).toList()));
		}
		cards.sort(Comparator.comparing((Card card) -> card.row().candidate()));
		Set<String> incidents = new LinkedHashSet<>();
		Set<String> kits = new LinkedHashSet<>();
		for (Card card : cards) {
			if (card.incident() != null) {
				incidents.add(card.incident());
			}
			if (card.kitVersion() != null && card.row().graded()) {
				kits.add(card.kitVersion() + " " + card.kitCommit());
			}
		}
		if (incidents.size() > 1) {
			throw FiredrillException.input("the folders hold scorecards of several incidents (" + String.join(", ", incidents)
					+ "): a cohort report is over one");
		}
		if (kits.size() > 1) {
			throw FiredrillException.input("the scorecards were graded by different kits (" + String.join(", ", kits)
					+ "): grade them again with one (firedrill cohort regrades what another kit graded)");
		}
		Card reference = cards.stream().filter((card) -> card.row().graded()).findFirst().orElse(cards.get(0));
		return new Cohort(incidents.isEmpty() ? null : incidents.iterator().next(), reference.kitVersion(),
				reference.kitCommit(), now.truncatedTo(ChronoUnit.SECONDS).toString(),
				cards.stream().map(Card::row).toList());
	}

	/** A candidate's row and where it was graded. */
	private record Card(Cohort.Row row, String incident, String kitVersion, String kitCommit) {
	}

	private static Card readFolder(String name, Path folder) {
		Path scorecard = folder.resolve(ScorecardFiles.JSON);
		Path error = folder.resolve(ErrorCard.FILE);
		if (Files.isRegularFile(scorecard, LinkOption.NOFOLLOW_LINKS)) {
			JsonNode json;
			try {
				json = JSON.readTree(scorecard.toFile());
				return new Card(row(name, folder, json), text(json.path("incident").path("id")),
						text(json.path("kitVersion")), text(json.path("kitCommit")));
			}
			catch (JacksonException | IllegalArgumentException ex) {
				return new Card(Cohort.Row.error(name, folder, null, ScorecardFiles.JSON + " cannot be read: "
						+ ex.getMessage().lines().findFirst().orElse("")), null, null, null);
			}
		}
		if (Files.isRegularFile(error, LinkOption.NOFOLLOW_LINKS)) {
			try {
				JsonNode json = JSON.readTree(error.toFile());
				return new Card(Cohort.Row.error(name, folder, text(json.path("commit")), text(json.path("reason"))),
						text(json.path("incident")), text(json.path("kitVersion")), text(json.path("kitCommit")));
			}
			catch (JacksonException ex) {
				return new Card(Cohort.Row.error(name, folder, null, ErrorCard.FILE + " cannot be read"), null, null,
						null);
			}
		}
		return null;
	}

	private static Cohort.Row row(String name, Path folder, JsonNode json) {
		List<Cohort.Cell> cells = new ArrayList<>();
		for (JsonNode criterion : json.path("criteria")) {
			cells.add(new Cohort.Cell(required(criterion, "id"), text(criterion.path("title")),
					required(criterion, "status"), criterion.path("points").asInt(), criterion.path("max").asInt(),
					criterion.path("graded").asBoolean()));
		}
		List<Cohort.Flag> flags = new ArrayList<>();
		for (JsonNode finding : json.path("integrity")) {
			flags.add(new Cohort.Flag(text(finding.path("severity")), text(finding.path("code"))));
		}
		JsonNode durations = json.path("durations");
		return new Cohort.Row(name, folder, text(json.path("candidate").path("commit")), true,
				json.path("total").path("points").asInt(), json.path("total").path("max").asInt(), cells, flags,
				durations.path("totalSeconds").asLong(), durations.path("timedOut").asBoolean(), null);
	}

	private static String required(JsonNode node, String field) {
		String value = text(node.path(field));
		if (value == null) {
			throw new IllegalArgumentException("a criterion has no " + field);
		}
		return value;
	}

	private static String text(JsonNode node) {
		return (node == null || node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

}
