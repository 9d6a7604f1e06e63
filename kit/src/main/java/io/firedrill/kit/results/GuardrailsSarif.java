package io.firedrill.kit.results;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.GuardrailResult;
import io.firedrill.kit.guardrails.run.Guardrails;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code firedrill guardrails --sarif}: one run of the guardrails as SARIF 2.1.0, for code scanning and IDEs. The
 * tool is {@value #TOOL}; each kind of finding is a rule whose id is the guardrail's id and the finding's own stable
 * rule ({@code flag-gating/ungated-path}, {@code api-compat/method-removed}), never its text, so a rule keeps its id
 * from run to run. Every finding is an {@code error} (a guardrail catches what breaks production); a finding that
 * names a file is located in it relative to {@code %SRCROOT%}, the root of the shop checked. A guardrail that could
 * not run is a tool execution notification, not a result.
 */
public final class GuardrailsSarif {

	static final String TOOL = "firedrill guardrails";

	static final String SRCROOT = "%SRCROOT%";

	private static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private GuardrailsSarif() {
	}

	/** The rule id of a finding of the guardrail {@code guardrail}: {@code <guardrail>/<rule in kebab case>}. */
	static String ruleId(String guardrail, Finding finding) {
		return guardrail + "/" + finding.rule().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
	}

	public static String write(Guardrails.Report report, String kitVersion) {
		Map<String, Integer> ruleIndex = new LinkedHashMap<>();
		List<Object> rules = new ArrayList<>();
		List<Object> results = new ArrayList<>();
		List<Object> notifications = new ArrayList<>();
		for (GuardrailResult guardrail : report.results()) {
			if (guardrail.status() == GuardrailResult.Status.ERROR) {
				notifications.add(map("level", "error", "message", text(guardrail.id() + ": " + guardrail.summary()),
						"descriptor", map("id", guardrail.id())));
			}
			for (Finding finding : guardrail.findings()) {
				String id = ruleId(guardrail.id(), finding);
				Integer index = ruleIndex.get(id);
				if (index == null) {
					index = rules.size();
					ruleIndex.put(id, index);
					rules.add(rule(id, guardrail.id(), finding));
				}
				Map<String, Object> result = map("ruleId", id, "ruleIndex", index, "level", "error", "message",
						text(finding.what() + " (" + finding.where() + "): " + finding.why()));
				Map<String, Object> location = location(finding);
				if (location != null) {
					result.put("locations", List.of(location));
				}
				results.add(result);
			}
		}
		Map<String, Object> driver = map("name", TOOL, "version", kitVersion, "rules", rules);
		Map<String, Object> invocation = map("executionSuccessful", !report.errors());
		if (!notifications.isEmpty()) {
			invocation.put("toolExecutionNotifications", notifications);
		}
		Map<String, Object> run = map("tool", map("driver", driver), "invocations", List.of(invocation),
				"originalUriBaseIds", map(SRCROOT, map("description", text("the root of the shop checked: "
						+ report.target()))),
				"results", results);
		Map<String, Object> root = map("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
		return JSON.writeValueAsString(root) + "\n";
	}

	private static Map<String, Object> rule(String id, String guardrail, Finding finding) {
		Map<String, Object> rule = map("id", id, "name", id.replace('/', '.'), "shortDescription",
				text(guardrail + ": " + finding.rule()), "fullDescription", text(finding.why()));
		if (finding.fix() != null) {
			rule.put("help", text(finding.fix()));
		}
		rule.put("properties", map("guardrail", guardrail));
		return rule;
	}

	/** Where the finding is, or {@code null} when it names no file the shop's root can reach. */
	private static Map<String, Object> location(Finding finding) {
		String uri = relativeUri(finding.file());
		if (uri == null) {
			return null;
		}
		Map<String, Object> physical = map("artifactLocation", map("uri", uri, "uriBaseId", SRCROOT));
		if (finding.line() != null && finding.line() > 0) {
			physical.put("region", map("startLine", finding.line()));
		}
		return map("physicalLocation", physical);
	}

	/** {@code file} as a relative URI reference, percent-encoded; {@code null} if absolute or leaving the root. */
	static String relativeUri(String file) {
		if (file == null || file.isBlank()) {
			return null;
		}
		String path = file.replace('\\', '/');
		if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || List.of(path.split("/")).contains("..")) {
			return null;
		}
		try {
			return new URI(null, null, path, null).toASCIIString();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static Map<String, Object> text(String text) {
		return map("text", text);
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
