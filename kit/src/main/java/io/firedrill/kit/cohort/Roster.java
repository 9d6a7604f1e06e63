package io.firedrill.kit.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A cohort's roster: a CSV file (RFC 4180) with the header {@code candidate,repository,ref}, a row per submission.
 * The candidate is an id that names its scorecard folder; the repository a folder or bundle (relative to the roster's
 * folder) or a git URL; the ref, optional, what to grade instead of HEAD.
 *
 * @param file the roster file
 * @param entries its rows, in file order
 */
public record Roster(Path file, List<Entry> entries) {

	static final Pattern CANDIDATE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/** Files the cohort report writes next to the candidates' folders: no candidate may take their names. */
	static final Set<String> RESERVED = Set.of(CohortReport.JSON, CohortReport.CSV, CohortReport.HTML);

	private static final List<String> COLUMNS = List.of("candidate", "repository", "ref");

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvReadFeature.WRAP_AS_ARRAY)
		.enable(CsvReadFeature.SKIP_EMPTY_LINES)
		.build();

	public Roster {
		entries = List.copyOf(entries);
	}

	/**
	 * One submission.
	 * @param index its 0-based index among the roster's rows (what {@code --chunk} selects on)
	 * @param row its row in the file, counting the header as row 1 (for messages)
	 * @param ref the ref to grade, or {@code null} for HEAD
	 */
	public record Entry(int index, int row, String candidate, String repository, String ref) {
	}

	/**
	 * Reads and checks a roster: every problem is one line naming the file, the row and what is wrong.
	 * @throws FiredrillException (input) when it cannot be read or a row is not usable
	 */
	public static Roster read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw FiredrillException.input("roster " + file + " does not exist or is not a file");
		}
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw FiredrillException.input("cannot read roster " + file + ": " + Folders.reason(ex), ex);
		}
		List<String[]> records = new ArrayList<>();
		try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvSchema.emptySchema())
			.readValues(content)) {
			while (rows.hasNextValue()) {
				records.add(rows.nextValue());
			}
		}
		catch (JacksonException ex) {
			throw FiredrillException.input("roster " + file + " row " + (records.size() + 1) + " is not CSV: "
					+ ex.getOriginalMessage(), ex);
		}
		return parse(file, records);
	}

	static Roster parse(Path file, List<String[]> records) {
		String where = "roster " + file;
		if (records.isEmpty()) {
			throw FiredrillException.input(where + " is empty: it needs the header row candidate,repository,ref");
		}
		Map<String, Integer> column = new HashMap<>();
		String[] header = records.get(0);
		for (int i = 0; i < header.length; i++) {
			String name = header[i].strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
			if (!COLUMNS.contains(name)) {
				throw FiredrillException.input(where + " row 1: unknown column '" + header[i]
						+ "' (the header is candidate,repository,ref; ref may be left out)");
			}
			if (column.put(name, i) != null) {
				throw FiredrillException.input(where + " row 1: column '" + name + "' appears twice");
			}
		}
		if (!column.containsKey("candidate") || !column.containsKey("repository")) {
			throw FiredrillException.input(where
					+ " row 1: the header must name the columns candidate and repository (and may name ref)");
		}
		List<Entry> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int r = 1; r < records.size(); r++) {
			String[] cells = records.get(r);
			int row = r + 1;
			if (cells.length > header.length) {
				throw FiredrillException.input(where + " row " + row + ": " + cells.length + " fields, the header has "
						+ header.length);
			}
			String candidate = cell(cells, column.get("candidate"));
			String repository = cell(cells, column.get("repository"));
			String ref = column.containsKey("ref") ? cell(cells, column.get("ref")) : "";
			checkCandidate(where, row, candidate);
			Integer earlier = seen.put(candidate.toLowerCase(Locale.ROOT), row);
			if (earlier != null) {
				throw FiredrillException.input(where + " row " + row + ": candidate '" + candidate
						+ "' is already on row " + earlier + " (ids name folders, so they must differ, case aside)");
			}
			if (repository.isEmpty()) {
				throw FiredrillException.input(where + " row " + row + ": candidate '" + candidate
						+ "' has no repository");
			}
			entries.add(new Entry(entries.size(), row, candidate, repository, ref.isEmpty() ? null : ref));
		}
		if (entries.isEmpty()) {
			throw FiredrillException.input(where + " has a header and no candidate");
		}
		return new Roster(file, entries);
	}

	private static void checkCandidate(String where, int row, String candidate) {
		if (candidate.isEmpty()) {
			throw FiredrillException.input(where + " row " + row + ": no candidate id");
		}
		if (!CANDIDATE.matcher(candidate).matches()) {
			throw FiredrillException.input(where + " row " + row + ": candidate '" + abbreviate(candidate)
					+ "' is not an id of 1 to 64 letters, digits, '.', '_' or '-' (it names the scorecard's folder)");
		}
		if (candidate.startsWith(".") || RESERVED.contains(candidate)) {
			throw FiredrillException.input(where + " row " + row + ": candidate '" + candidate
					+ "' cannot name a folder of the cohort (it starts with '.' or is a file of the report)");
		}
	}

	private static String cell(String[] cells, int index) {
		return (index < cells.length && cells[index] != null) ? cells[index].strip() : "";
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

	/** The entries of a chunk. */
	public List<Entry> chunk(Chunk chunk) {
		return this.entries.stream().filter((entry) -> chunk.selects(entry.index())).toList();
	}

}
