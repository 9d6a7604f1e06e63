package io.firedrill.kit.results;

import static io.firedrill.kit.results.Text.xml;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.verdict.CriterionResult;

/**
 * {@code junit.xml}: a scorecard as the JUnit XML report GitLab, Jenkins and the GitHub Actions test reporters read
 * (the Jenkins schema, {@code junit-10.xsd}). One {@code <testsuite>} for the incident, one {@code <testcase>} per
 * criterion (classname {@code firedrill.<incident>}, name its id): a criterion that did not pass has a
 * {@code <failure>} with its verdict and evidence, one not graded is {@code <skipped>}. Points, which JUnit has no
 * place for, are properties of the suite ({@code points}, {@code max}, {@code points.<criterion>}).
 */
public final class JUnitXml {

	private JUnitXml() {
	}

	public static String write(Scorecard card) {
		String suite = "firedrill." + card.incident();
		long failures = card.criteria().stream().filter((r) -> r.graded() && r.status() != Status.PASS).count();
		long skipped = card.criteria().stream().filter((r) -> !r.graded()).count();
		String counts = " tests=\"" + card.criteria().size() + "\" failures=\"" + failures + "\" errors=\"0\"";
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		out.append("<testsuites name=\"firedrill grade\"").append(counts).append(" time=\"")
			.append(card.durations().totalSeconds()).append("\">\n");
		out.append("  <testsuite name=\"").append(xml(suite)).append('"').append(counts).append(" skipped=\"")
			.append(skipped).append("\" time=\"").append(card.durations().totalSeconds()).append("\" timestamp=\"")
			.append(xml(card.gradedAt())).append("\">\n");
		out.append("    <properties>\n");
		property(out, "incident", card.incident());
		property(out, "commit", card.candidate().commit());
		property(out, "points", String.valueOf(card.totalPoints()));
		property(out, "max", String.valueOf(card.maxPoints()));
		for (CriterionResult result : card.criteria()) {
			property(out, "points." + result.id(), result.points() + "/" + result.max());
		}
		property(out, "kitVersion", card.kitVersion());
		out.append("    </properties>\n");
		for (CriterionResult result : card.criteria()) {
			out.append("    <testcase classname=\"").append(xml(suite)).append("\" name=\"").append(xml(result.id()))
				.append("\" time=\"0\"");
			if (result.status() == Status.PASS && result.graded()) {
				out.append("/>\n");
				continue;
			}
			String element = result.graded() ? "failure" : "skipped";
			out.append(">\n      <").append(element).append(" type=\"").append(xml(Text.verdict(result)))
				.append("\" message=\"").append(xml(Text.verdict(result) + ": " + result.points() + " / " + result.max()
						+ " points"))
				.append("\">").append(xml(Text.evidence(result))).append("</").append(element).append(">\n");
			out.append("    </testcase>\n");
		}
		out.append("  </testsuite>\n</testsuites>\n");
		return out.toString();
	}

	private static void property(StringBuilder out, String name, String value) {
		out.append("      <property name=\"").append(xml(name)).append("\" value=\"").append(xml(value)).append("\"/>\n");
	}

}
