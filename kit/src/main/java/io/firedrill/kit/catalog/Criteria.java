package io.firedrill.kit.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code grading/criteria.yaml}, the contract between the hidden suites and the grader: which tests make up each
 * criterion, what they need from the candidate's build and how their results turn into a verdict. Read from the
 * HEAD commit of the firedrill clone, like the rest of the kit.
 */
public final class Criteria {

	/** Folder of the hidden suites at the root of the firedrill repository. */
	public static final String GRADING = "grading";

	public static final String FILE = GRADING + "/criteria.yaml";

	private static final Pattern TEST_ID = Pattern.compile("[\\w$.]+\\.[\\w$]+#[\\w$]+");

	private static final Pattern MODULE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final String support;

	private final Map<String, Criterion> byId;

	private Criteria(String support, Map<String, Criterion> byId) {
		this.support = support;
		this.byId = byId;
	}

	/**
	 * Reads and validates {@value #FILE} at the clone's HEAD commit.
	 * @throws FiredrillException environment if there is no such file, input if it is not valid
	 */
	public static Criteria read(KitClone clone) {
		byte[] yaml = clone.read(FILE)
			.orElseThrow(() -> FiredrillException.environment("no " + FILE + " in the HEAD commit of " + clone.root()
					+ (clone.existsInWorkTree(FILE) ? " (it is in the work tree: commit it first)" : "")));
		return parse(yaml);
	}

	/** Parses the content of a criteria file. */
	public static Criteria parse(byte[] yaml) {
		CriteriaFile file;
		try {
			file = YAML.readValue(yaml, CriteriaFile.class);
		}
		catch (JacksonException ex) {
			throw FiredrillException.input(FILE + " is not valid: " + ex.getOriginalMessage().lines().findFirst().orElse(""),
					ex);
		}
		if (file == null || file.criteria() == null || file.criteria().isEmpty()) {
			throw FiredrillException.input(FILE + " defines no criteria");
		}
		String support = (file.support() != null && !file.support().isBlank()) ? file.support().trim() : null;
		if (support != null && !MODULE.matcher(support).matches()) {
			throw FiredrillException.input(FILE + ": support '" + support + "' is not a folder name");
		}
		Map<String, Criterion> byId = new LinkedHashMap<>();
		for (CriteriaFile.Entry entry : file.criteria()) {
			Criterion criterion = criterion(entry);
			if (byId.putIfAbsent(criterion.id(), criterion) != null) {
				throw FiredrillException.input(FILE + ": criterion " + criterion.id() + " is defined twice");
			}
		}
		for (Criterion criterion : byId.values()) {
			for (String part : criterion.composite()) {
				Criterion partCriterion = byId.get(part);
				if (partCriterion == null || partCriterion.isComposite()) {
					throw FiredrillException.input(FILE + ": composite " + criterion.id() + " names " + part
							+ ", which is not a criterion with a suite");
				}
			}
		}
		return new Criteria(support, byId);
	}

	/** Folder under {@code grading/} of the module every suite depends on, or {@code null}. */
	public String support() {
		return this.support;
	}

	/**
	 * The folders under {@code grading/} that one run of a criterion's suite builds, in reactor order: the support
	 * module, what the suite uses, then the suite.
	 */
	public List<String> suiteModules(Criterion criterion) {
		List<String> modules = new ArrayList<>();
		if (this.support != null) {
			modules.add(this.support);
		}
		criterion.uses().stream().filter((used) -> !modules.contains(used)).forEach(modules::add);
		modules.add(criterion.module());
		return List.copyOf(modules);
	}

	public List<Criterion> all() {
		return List.copyOf(this.byId.values());
	}

	/**
	 * The criteria of an incident, in the incident's order.
	 * @throws FiredrillException (input) if the incident names a criterion the file does not define
	 */
	public List<Criterion> of(Incident incident) {
		List<Criterion> criteria = new ArrayList<>();
		for (String id : incident.criteria()) {
			Criterion criterion = this.byId.get(id);
			if (criterion == null) {
				throw FiredrillException.input("incident " + incident.id() + " names criterion '" + id + "', which "
						+ FILE + " does not define");
			}
			criteria.add(criterion);
		}
		return criteria;
	}

	private static Criterion criterion(CriteriaFile.Entry entry) {
		if (entry == null || entry.id() == null || !MODULE.matcher(entry.id().trim()).matches()) {
			throw FiredrillException.input(FILE + ": every criterion needs an id (lower case, digits, '.', '-')");
		}
		String id = entry.id().trim();
		String where = FILE + ": criterion " + id + ": ";
		String title = (entry.title() != null) ? entry.title().trim() : id;
		int points = (entry.points() != null) ? entry.points() : 0;
		if (points < 0) {
			throw FiredrillException.input(where + "points must not be negative");
		}
		List<String> composite = trimmed(entry.composite());
		String module = (entry.module() != null && !entry.module().isBlank()) ? entry.module().trim() : null;
		if (!composite.isEmpty() && module != null) {
			throw FiredrillException.input(where + "a composite criterion has no module");
		}
		if (composite.isEmpty() && module == null) {
			throw FiredrillException.input(where + "needs a module (its hidden suite) or composite parts");
		}
		if (module != null && !MODULE.matcher(module).matches()) {
			throw FiredrillException.input(where + "module '" + module + "' is not a folder name");
		}
		List<String> tests = trimmed(entry.tests());
		Set<String> seen = new HashSet<>();
		for (String test : tests) {
			if (!TEST_ID.matcher(test).matches()) {
				throw FiredrillException.input(where + "test '" + test + "' is not fully.qualified.Class#method");
			}
			if (!seen.add(test)) {
				throw FiredrillException.input(where + "test " + test + " is listed twice");
			}
		}
		Criterion.Partial partial = null;
		if (entry.partial() != null) {
			List<String> mayFail = trimmed(entry.partial().mayFail());
			for (String test : mayFail) {
				if (!seen.contains(test)) {
					throw FiredrillException.input(where + "partial.mayFail names " + test + ", which is not in its tests");
				}
			}
			if (mayFail.isEmpty()) {
				throw FiredrillException.input(where + "partial needs mayFail tests");
			}
			int partialPoints = (entry.partial().points() != null) ? entry.partial().points() : 0;
			if (partialPoints < 0 || partialPoints > points) {
				throw FiredrillException.input(where + "partial.points must be within 0.." + points);
			}
			String label = (entry.partial().label() != null) ? entry.partial().label().trim() : "partial";
			partial = new Criterion.Partial(label, partialPoints, mayFail);
		}
		String sdk = (entry.sdk() != null && !entry.sdk().isBlank()) ? entry.sdk().trim() : null;
		List<String> uses = trimmed(entry.uses());
		for (String used : uses) {
			if (!MODULE.matcher(used).matches()) {
				throw FiredrillException.input(where + "uses '" + used + "', which is not a folder name");
			}
			if (used.equals(module)) {
				throw FiredrillException.input(where + "uses its own module " + used);
			}
		}
		if (module == null && !uses.isEmpty()) {
			throw FiredrillException.input(where + "a composite criterion uses no module");
		}
		return new Criterion(id, title, points, module, trimmed(entry.needs()), sdk, tests, partial, composite,
				feedback(where, entry.feedback()), uses);
	}

	private static Criterion.Feedback feedback(String where, FeedbackEntry entry) {
		if (entry == null) {
			return Criterion.Feedback.AFTER_REVIEW;
		}
		String label = (entry.visibility() != null) ? entry.visibility().trim() : null;
		// no visibility means after-review: a verdict shown too early can only be taken back by the interviewer
		Criterion.Visibility visibility = (label == null || label.isEmpty()) ? Criterion.Visibility.AFTER_REVIEW
				: Criterion.Visibility.of(label)
					.orElseThrow(() -> FiredrillException.input(where + "feedback.visibility '" + label
							+ "' is not visible, hidden or after-review"));
		return new Criterion.Feedback(visibility, text(entry.title()), text(entry.pass()), text(entry.partial()), text(entry.fail()));
	}

	private static String text(String value) {
		return (value != null && !value.isBlank()) ? value.strip().replaceAll("\\s+", " ") : null;
	}

	private static List<String> trimmed(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().filter((value) -> value != null && !value.isBlank()).map(String::trim).toList();
	}

	/** {@code criteria.yaml} as written. */
	record CriteriaFile(Integer version, String support, List<Entry> criteria) {

		record Entry(String id, String title, Integer points, String module, List<String> uses, List<String> needs,
				String sdk, List<String> tests, PartialEntry partial, List<String> composite, FeedbackEntry feedback) {
		}

		record PartialEntry(String label, Integer points, List<String> mayFail) {
		}

	}

	/** A criterion's {@code feedback:} block as written. */
	record FeedbackEntry(String visibility, String title, String pass, String partial, String fail) {
	}

}
