package io.firedrill.kit.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The known fixes of an incident, from {@code incidents/<id>/fixes/fixes.yaml} at the kit's HEAD:
 *
 * <pre>
 * fixes:
 *   - id: gate-in-service
 *     kind: accepted            # accepted | wrong | tamper
 *     description: "..."
 *     patch: gate-in-service.patch   # git format-patch, relative to fixes/, applies on incident/&lt;id&gt;
 *     reference: true           # optional: the fix the demo applies (else the first accepted one)
 *     expect:
 *       flag-gated-backend: pass     # pass | partial | fail, for every criterion of the incident
 *     findings: [process-outlived-run]   # tamper only: the findings its scorecard must show
 * </pre>
 */
public final class Fixes {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Fixes() {
	}

	/** Path of an incident's fixes file in the firedrill repository. */
	public static String path(Incident incident) {
		return incident.folder() + "/fixes/fixes.yaml";
	}

	/**
	 * The incident's fixes, or empty when it has no fixes file.
	 * @throws FiredrillException (input) when the file or a patch it names is not usable
	 */
	public static Optional<List<Fix>> read(KitClone kit, Incident incident, List<Criterion> criteria) {
		return read(kit::read, incident, criteria);
	}

	/** {@link #read(KitClone, Incident, List)} with the repository's files given by path. */
	static Optional<List<Fix>> read(Function<String, Optional<byte[]>> files, Incident incident,
			List<Criterion> criteria) {
		String file = path(incident);
		Optional<byte[]> yaml = files.apply(file);
		if (yaml.isEmpty()) {
			return Optional.empty();
		}
		FixesFile parsed;
		try {
			parsed = YAML.readValue(yaml.get(), FixesFile.class);
		}
		catch (JacksonException ex) {
			throw FiredrillException.input(file + " is not valid: "
					+ ex.getOriginalMessage().lines().findFirst().orElse(""), ex);
		}
		if (parsed == null || parsed.fixes() == null) {
			return Optional.of(List.of());
		}
		Set<String> criterionIds = new HashSet<>();
		criteria.forEach((criterion) -> criterionIds.add(criterion.id()));
		List<Fix> fixes = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (FixesFile.Entry entry : parsed.fixes()) {
			if (entry == null || entry.id() == null || entry.id().isBlank()) {
				throw FiredrillException.input(file + ": every fix needs an id");
			}
			String id = entry.id().strip();
			String where = file + ": fix " + id + ": ";
			if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !ids.add(id)) {
				throw FiredrillException.input(where + "the id must be unique and made of letters, digits, '.', '-', '_'");
			}
			Fix.Kind kind;
			try {
				kind = Fix.Kind.valueOf(String.valueOf(entry.kind()).strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw FiredrillException.input(where + "kind must be accepted, wrong or tamper, not " + entry.kind());
			}
			if (entry.patch() == null || entry.patch().isBlank()) {
				throw FiredrillException.input(where + "no patch");
			}
			String patchPath = Path.of(incident.folder(), "fixes").resolve(entry.patch().strip()).normalize().toString()
				.replace('\\', '/');
			if (!patchPath.startsWith(incident.folder() + "/fixes/")) {
				throw FiredrillException.input(where + "patch " + entry.patch() + " leaves the fixes/ folder");
			}
			byte[] patch = files.apply(patchPath)
				.orElseThrow(() -> FiredrillException.input(where + "patch " + patchPath + " is not in the HEAD commit"));
			Map<String, Status> expect = new LinkedHashMap<>();
			Map<String, String> written = (entry.expect() != null) ? entry.expect() : Map.of();
			for (Map.Entry<String, String> verdict : written.entrySet()) {
				if (!criterionIds.contains(verdict.getKey())) {
					throw FiredrillException.input(where + "expect names " + verdict.getKey() + ", which is not a"
							+ " criterion of incident " + incident.id());
				}
				try {
					expect.put(verdict.getKey(), Status.of(verdict.getValue()));
				}
				catch (IllegalArgumentException ex) {
					throw FiredrillException.input(where + "expect " + verdict.getKey() + ": " + ex.getMessage());
				}
			}
			for (Criterion criterion : criteria) {
				if (!expect.containsKey(criterion.id())) {
					throw FiredrillException.input(where + "expect has no verdict for criterion " + criterion.id());
				}
			}
			List<String> findings = (entry.findings() != null) ? entry.findings().stream().map(String::strip).toList()
					: List.of();
			if (kind == Fix.Kind.TAMPER && (findings.isEmpty() || expect.containsValue(Status.PASS))) {
				throw FiredrillException.input(where + "a tamper fixture names the findings it must cause and never"
						+ " expects a pass");
			}
			fixes.add(new Fix(id, kind, (entry.description() != null) ? entry.description().strip() : id, patchPath,
					patch, expect, Boolean.TRUE.equals(entry.reference()), findings));
		}
		return Optional.of(fixes);
	}

	/** The fix the demo applies: the one marked {@code reference: true}, else the first accepted one. */
	public static Optional<Fix> reference(List<Fix> fixes) {
		return fixes.stream()
			.filter(Fix::reference)
			.findFirst()
			.or(() -> fixes.stream().filter((fix) -> fix.kind() == Fix.Kind.ACCEPTED).findFirst());
	}

	/** A fix, by id, or the reference fix for {@code reference}. */
	public static Fix find(List<Fix> fixes, String id, Incident incident) {
		if (id.equals("reference")) {
			return reference(fixes).orElseThrow(() -> FiredrillException.input("incident " + incident.id()
					+ " has no reference fix (reference: true, or an accepted fix) in " + path(incident)));
		}
		return fixes.stream()
			.filter((fix) -> fix.id().equals(id))
			.findFirst()
			.orElseThrow(() -> FiredrillException.input("incident " + incident.id() + " has no fix '" + id + "' (known: "
					+ String.join(", ", fixes.stream().map(Fix::id).toList()) + ")"));
	}

	/** {@code fixes.yaml} as written. */
	record FixesFile(List<Entry> fixes) {

		record Entry(String id, String kind, String description, String patch, Boolean reference,
				Map<String, String> expect, List<String> findings) {
		}

	}

}
