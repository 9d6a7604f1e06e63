package io.firedrill.kit.grade.card;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The interviewer's rubric: the YAML block of {@code scenarios.md} between {@value #BEGIN} and {@value #END}.
 * Dimensions with anchored levels, the hint ladder per problem, what the summary holds, and resources to pick from.
 */
public record Rubric(List<String> levels, List<Dimension> dimensions, List<Integer> hintLevels,
		List<String> problems, Summary summary, List<Resource> resources) {

	public static final String FILE = "scenarios.md";

	public static final String BEGIN = "<!-- firedrill:rubric-begin -->";

	public static final String END = "<!-- firedrill:rubric-end -->";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public Rubric {
		levels = List.copyOf(levels);
		dimensions = List.copyOf(dimensions);
		hintLevels = List.copyOf(hintLevels);
		problems = List.copyOf(problems);
		resources = List.copyOf(resources);
	}

	/**
	 * The rubric for one incident: the hint problems its {@code incident.yaml} names ({@code hints:}, the sections
	 * of its hint ladder), or the rubric's own list when it names none.
	 */
	public Rubric forProblems(List<String> incidentProblems) {
		if (incidentProblems.isEmpty()) {
			return this;
		}
		return new Rubric(this.levels, this.dimensions, this.hintLevels, incidentProblems, this.summary,
				this.resources);
	}

	/** One dimension: what it judges and the anchor of each level. */
	public record Dimension(String id, String title, String what, Map<String, String> anchors) {
	}

	/** How many strengths, improvements and resources the summary holds ({@code "2-3"} stays text). */
	public record Summary(String strengths, String improvements, String resources) {
	}

	/** A resource the interviewer may recommend. */
	public record Resource(String title, String url, String topic) {
	}

	/**
	 * The rubric of a {@code scenarios.md}.
	 * @return empty when the markers or the YAML block are missing or the YAML is not valid
	 */
	public static Optional<Rubric> fromMarkdown(byte[] markdown) {
		String text = new String(markdown, StandardCharsets.UTF_8);
		int begin = text.indexOf(BEGIN);
		int end = text.indexOf(END);
		if (begin < 0 || end < begin) {
			return Optional.empty();
		}
		String block = text.substring(begin + BEGIN.length(), end);
		int fence = block.indexOf("```");
		if (fence >= 0) {
			int lineEnd = block.indexOf('\n', fence);
			int close = block.indexOf("```", lineEnd + 1);
			if (lineEnd < 0 || close < 0) {
				return Optional.empty();
			}
			block = block.substring(lineEnd + 1, close);
		}
		try {
			RubricFile file = YAML.readValue(block, RubricFile.class);
			return Optional.ofNullable(file).map(Rubric::of);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static Rubric of(RubricFile file) {
		List<Dimension> dimensions = new ArrayList<>();
		for (RubricFile.DimensionEntry entry : list(file.dimensions())) {
			Map<String, String> anchors = new LinkedHashMap<>();
			for (String level : list(file.levels())) {
				String anchor = (entry.anchors() != null) ? entry.anchors().get(level) : null;
				anchors.put(level, (anchor != null) ? anchor.strip() : "");
			}
			dimensions.add(new Dimension(entry.id(), (entry.title() != null) ? entry.title() : entry.id(),
					(entry.what() != null) ? entry.what().strip() : "", anchors));
		}
		RubricFile.Hints hints = file.hints();
		RubricFile.SummaryEntry summary = file.summary();
		List<Resource> resources = new ArrayList<>();
		for (RubricFile.ResourceEntry resource : list(file.resources())) {
			resources.add(new Resource(resource.title(), resource.url(), resource.topic()));
		}
		return new Rubric(list(file.levels()), dimensions, (hints != null) ? list(hints.levels()) : List.of(),
				(hints != null) ? list(hints.problems()) : List.of(),
				(summary != null) ? new Summary(summary.strengths(), summary.improvements(), summary.resources())
						: new Summary(null, null, null),
				resources);
	}

	private static <T> List<T> list(List<T> values) {
		return (values != null) ? values.stream().filter((value) -> value != null).toList() : List.of();
	}

	/** The YAML block as written. */
	record RubricFile(Integer version, List<String> levels, List<DimensionEntry> dimensions, Hints hints,
			SummaryEntry summary, List<ResourceEntry> resources) {

		record DimensionEntry(String id, String title, String what, Map<String, String> anchors) {
		}

		record Hints(List<Integer> levels, List<String> problems) {
		}

		record SummaryEntry(String strengths, String improvements, String resources) {
		}

		record ResourceEntry(String title, String url, String topic) {
		}

	}

}
