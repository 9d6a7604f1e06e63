package io.firedrill.kit.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The incident catalog: every {@code incidents/<id>/incident.yaml} at the HEAD commit of the firedrill clone,
 * validated as a whole (a broken incident makes the catalog unusable, so it is fixed before anyone uses it).
 */
public final class Catalog {

	/** The catalog's folder at the root of the firedrill repository. */
	public static final String ROOT = "incidents";

	/**
	 * The only base an incident may name: the healthy release every incident's series applies to. It is defined
	 * here and {@code history.ShopRelease.BASE_TAG} is this constant, because history builds on the catalog, not
	 * the other way round.
	 */
	public static final String BASE_TAG = "v2.3.0";

	public static final String METADATA = "incident.yaml";

	/**
	 * The catalog's default replay story, {@code incidents/replay.yaml}: the timeline of a replay of a bare tag
	 * ({@code v2.3.0}, a control run) or of an incident without {@code replay:} block, and what each key an
	 * incident's block leaves out stands for.
	 */
	public static final String REPLAY_DEFAULTS = "replay.yaml";

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** Reads the {@code replay:} block only, refusing unknown keys in it (the rest of the file is read above). */
	private static final YAMLMapper STRICT_YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final List<Incident> incidents;

	private final ReplayFacts replayDefaults;

	private Catalog(List<Incident> incidents, ReplayFacts replayDefaults) {
		this.incidents = List.copyOf(incidents);
		this.replayDefaults = replayDefaults;
	}

	/**
	 * Reads the catalog at the clone's HEAD commit.
	 * @throws FiredrillException environment if there is no catalog, input if an incident is not usable
	 */
	public static Catalog read(KitClone clone) {
		if (!clone.isDirectory(ROOT)) {
			String hint = clone.existsInWorkTree(ROOT) ? " (it is in the work tree: commit it first)" : "";
			throw FiredrillException.environment(
					"no incident catalog: " + ROOT + "/ is not in the HEAD commit of " + clone.root() + hint);
		}
		ReplayFile defaultsFile = clone.read(ROOT + "/" + REPLAY_DEFAULTS)
			.map((yaml) -> replayFile(yaml, ROOT + "/" + REPLAY_DEFAULTS + ": "))
			.orElse(null);
		ReplayFacts defaults = (defaultsFile != null)
				? ReplayBlock.check(defaultsFile, ROOT + "/" + REPLAY_DEFAULTS + ": replay: ") : null;
		List<Incident> incidents = new ArrayList<>();
		for (String folder : clone.directoriesIn(ROOT)) {
			Optional<byte[]> yaml = clone.read(ROOT + "/" + folder + "/" + METADATA);
			if (yaml.isPresent()) {
				incidents.add(incident(clone, folder, yaml.get(), defaultsFile));
			}
		}
		if (incidents.isEmpty()) {
			throw FiredrillException.environment("no incident catalog: no " + ROOT + "/<id>/" + METADATA
					+ " in the HEAD commit of " + clone.root());
		}
		incidents.sort(Comparator.comparing(Incident::id));
		checkAcrossIncidents(incidents);
		return new Catalog(incidents, defaults);
	}

	/**
	 * The story a replay tells: the incident's own {@code replay:} block, or the catalog's default for a bare tag
	 * ({@code incident == null}) and for an incident without one.
	 * @throws FiredrillException (input) when there is neither
	 */
	public ReplayFacts replayFacts(Incident incident) {
		if (incident != null && incident.replay() != null) {
			return incident.replay();
		}
		if (this.replayDefaults == null) {
			throw FiredrillException.input("no replay story: " + ((incident != null) ? "incident " + incident.id()
					+ " has no replay: block and " : "") + ROOT + "/" + REPLAY_DEFAULTS + " is not in the HEAD commit");
		}
		return this.replayDefaults;
	}

	/**
	 * The incident {@code firedrill demo} plays: the one marked {@code demo: true}.
	 * @throws FiredrillException (input) when no incident is marked
	 */
	public Incident demoIncident() {
		return this.incidents.stream()
			.filter(Incident::demo)
			.findFirst()
			.orElseThrow(() -> FiredrillException.input("no incident is marked demo: true in its " + METADATA
					+ ": mark the one 'firedrill demo' plays"));
	}

	public List<Incident> incidents() {
		return this.incidents;
	}

	/**
	 * The incident with that id.
	 * @throws FiredrillException (input) if there is none
	 */
	public Incident get(String id) {
		return this.incidents.stream()
			.filter((incident) -> incident.id().equals(id))
			.findFirst()
			.orElseThrow(() -> FiredrillException.input("unknown incident '" + id + "' (known: "
					+ this.incidents.stream().map(Incident::id).collect(Collectors.joining(", ")) + ")"));
	}

	/** The incident whose tip is the release ({@code releaseTag: true}), if any. */
	public Optional<Incident> releaseIncident() {
		return this.incidents.stream().filter(Incident::releaseTag).findFirst();
	}

	static ReplayFile replayFile(byte[] yaml, String where) {
		try {
			ReplayFile.Holder holder = STRICT_YAML.readValue(yaml, ReplayFile.Holder.class);
			return (holder != null) ? holder.replay() : null;
		}
		catch (UnrecognizedPropertyException ex) {
			String line = (ex.getLocation() != null) ? "line " + ex.getLocation().getLineNr() + ": " : "";
			String known = (ex.getKnownPropertyIds() != null) ? " (known here: " + ex.getKnownPropertyIds().stream()
				.map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")" : "";
			throw FiredrillException.input(where + "replay: is not valid: " + line + "unknown key '"
					+ ex.getPropertyName() + "'" + known, ex);
		}
		catch (JacksonException ex) {
			throw FiredrillException.input(where + "replay: is not valid: " + describe(ex), ex);
		}
	}

	private static Incident incident(KitClone clone, String folder, byte[] yaml, ReplayFile replayDefaults) {
		String where = "incident " + folder + ": ";
		IncidentFile file;
		try {
			file = YAML.readValue(yaml, IncidentFile.class);
		}
		catch (JacksonException ex) {
			throw FiredrillException.input(where + METADATA + " is not valid: " + describe(ex), ex);
		}
		if (file == null) {
			throw FiredrillException.input(where + METADATA + " is empty");
		}
		String id = required(file.id(), "id", where);
		if (!id.equals(folder)) {
			throw FiredrillException.input(where + "id '" + id + "' differs from its folder name '" + folder + "'");
		}
		if (!ID.matcher(id).matches()) {
			throw FiredrillException.input(where + "id must be lower case letters, digits, '.', '-' or '_'");
		}
		String title = required(file.title(), "title", where);
		String tag = (file.tag() != null) ? file.tag().trim() : "incident/" + id;
		if (!Repository.isValidRefName(Constants.R_TAGS + tag) || !tag.startsWith("incident/")) {
			throw FiredrillException.input(where + "tag '" + tag + "' is not a valid incident/<name> tag");
		}
		String base = (file.base() != null) ? file.base().trim() : BASE_TAG;
		if (!base.equals(BASE_TAG)) {
			throw FiredrillException.input(where + "base '" + base + "' is unknown: the kit builds "
					+ BASE_TAG + " only");
		}
		boolean releaseTag = Boolean.TRUE.equals(file.releaseTag());
		String release = (file.release() != null) ? file.release().trim() : null;
		if (releaseTag && (release == null || release.isEmpty()
				|| !Repository.isValidRefName(Constants.R_TAGS + "v" + release))) {
			throw FiredrillException.input(where + "releaseTag: true needs a release version such as 2.4.0");
		}
		List<String> criteria = (file.criteria() != null) ? file.criteria() : List.of();
		if (file.prs() == null || file.prs().isEmpty()) {
			throw FiredrillException.input(where + "no prs");
		}
		List<PullRequest> prs = new ArrayList<>();
		for (IncidentFile.PrEntry entry : file.prs()) {
			prs.add(pullRequest(clone, folder, entry, where));
		}
		String briefPath = resolve(folder, required(file.brief(), "brief", where), where);
		byte[] brief = clone.read(briefPath)
			.orElseThrow(() -> FiredrillException.input(where + "brief " + briefPath + " is not in the HEAD commit"));
		List<String> spoilers = (file.spoilers() != null) ? file.spoilers().stream()
			.filter((spoiler) -> spoiler != null && !spoiler.isBlank())
			.map(String::strip)
			.toList() : List.of();
		ReplayFile replayFile = replayFile(yaml, where + METADATA + ": ");
		ReplayFacts replay = (replayFile != null) ? ReplayBlock.check(replayFile.over(replayDefaults), where + "replay: ")
				: null;
		List<String> hints = (file.hints() != null) ? file.hints().stream()
			.filter((problem) -> problem != null && !problem.isBlank())
			.map(String::strip)
			.toList() : List.of();
		return new Incident(id, title, tag, base, release, releaseTag, file.timebox(), criteria, prs, briefPath,
				brief, spoilers, replay, Boolean.TRUE.equals(file.demo()), hints);
	}

	private static PullRequest pullRequest(KitClone clone, String folder, IncidentFile.PrEntry entry, String where) {
		if (entry == null || entry.number() == null || entry.number() <= 0) {
			throw FiredrillException.input(where + "every PR needs a positive number");
		}
		String pr = where + "PR #" + entry.number() + ": ";
		String title = required(entry.title(), "title", pr);
		String patchPath = resolve(folder, required(entry.patch(), "patch", pr), pr);
		byte[] raw = clone.read(patchPath)
			.orElseThrow(() -> FiredrillException.input(pr + "patch " + patchPath + " is not in the HEAD commit"));
		String fileName = patchPath.substring(patchPath.lastIndexOf('/') + 1);
		PatchFile patch;
		try {
			patch = PatchFile.parse(fileName, raw);
		}
		catch (FiredrillException ex) {
			throw new FiredrillException(ex.exitCode(), where + ex.getMessage(), ex);
		}
		return new PullRequest(entry.number(), title, patchPath, patch);
	}

	/** Resolves a path written relative to the incident's folder; it must stay inside the catalog. */
	private static String resolve(String folder, String relative, String where) {
		String unixPath = relative.trim().replace('\\', '/');
		Path resolved = Path.of(ROOT, folder).resolve(unixPath).normalize();
		String path = resolved.toString().replace('\\', '/');
		if (Path.of(unixPath).isAbsolute() || !path.startsWith(ROOT + "/")) {
			throw FiredrillException.input(where + "path '" + relative + "' leaves the " + ROOT + "/ folder");
		}
		return path;
	}

	private static String required(String value, String field, String where) {
		if (value == null || value.isBlank()) {
			throw FiredrillException.input(where + "missing " + field);
		}
		return value.trim();
	}

	private static void checkAcrossIncidents(List<Incident> incidents) {
		Map<String, String> tags = new HashMap<>();
		List<String> releases = new ArrayList<>();
		List<String> demos = new ArrayList<>();
		for (Incident incident : incidents) {
			String other = tags.putIfAbsent(incident.tag(), incident.id());
			if (other != null) {
				throw FiredrillException.input("incidents " + other + " and " + incident.id() + " both use tag "
						+ incident.tag());
			}
			if (incident.releaseTag()) {
				releases.add(incident.id());
			}
			if (incident.demo()) {
				demos.add(incident.id());
			}
		}
		if (demos.size() > 1) {
			throw FiredrillException.input("only one incident may have demo: true, found " + demos);
		}
		if (releases.size() > 1) {
			throw FiredrillException.input("only one incident may have releaseTag: true, found " + releases);
		}
	}

	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		String firstLine = (message != null) ? message.lines().findFirst().orElse("") : ex.getClass().getSimpleName();
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			return "line " + location.getLineNr() + ": " + firstLine;
		}
		return firstLine;
	}

}
