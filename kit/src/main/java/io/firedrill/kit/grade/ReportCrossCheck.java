package io.firedrill.kit.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hidden suite's XML reports against what Surefire printed for the same classes while the suite ran. The
 * candidate's code runs in the suite's test JVM and can rewrite a report file once Maven has written it; it cannot
 * print into Maven's own output, since the test JVM's output goes to files of its own. Reports that say something
 * else than Maven said were changed after the fact.
 */
final class ReportCrossCheck {

	private ReportCrossCheck() {
	}

	/** The classes whose reports disagree with Maven's output, each with both sides, in report order. */
	static List<String> disagreements(List<ReportedTest> reported, List<BuildLog.ClassResult> printed) {
		Map<String, BuildLog.ClassResult> fromReports = new LinkedHashMap<>();
		for (ReportedTest test : reported) {
			BuildLog.ClassResult counts = fromReports.getOrDefault(test.className(),
					new BuildLog.ClassResult(test.className(), 0, 0, 0, 0));
			fromReports.put(test.className(), new BuildLog.ClassResult(test.className(), counts.run() + 1,
					counts.failures() + (test.outcome() == TestOutcome.FAILED ? 1 : 0),
					counts.errors() + (test.outcome() == TestOutcome.ERROR ? 1 : 0),
					counts.skipped() + (test.outcome() == TestOutcome.SKIPPED ? 1 : 0)));
		}
		List<String> disagreements = new ArrayList<>();
		for (BuildLog.ClassResult report : fromReports.values()) {
			List<BuildLog.ClassResult> lines = printed.stream()
				.filter((line) -> line.className().equals(report.className()))
				.toList();
			if (lines.isEmpty()) {
				disagreements.add(simpleName(report.className()) + " has a report but Maven never ran it");
			}
			else if (lines.stream().anyMatch((line) -> !line.equals(report))) {
				BuildLog.ClassResult line = lines.stream().filter((l) -> !l.equals(report)).findFirst().orElseThrow();
				disagreements.add(simpleName(report.className()) + ": the report says " + describe(report)
						+ ", Maven said " + describe(line));
			}
		}
		return disagreements;
	}

	private static String describe(BuildLog.ClassResult counts) {
		return counts.run() + " run, " + counts.failures() + " failed, " + counts.errors() + " errors, "
				+ counts.skipped() + " skipped";
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
