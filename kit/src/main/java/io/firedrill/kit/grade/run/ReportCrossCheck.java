package io.firedrill.kit.grade.run;

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
public final class ReportCrossCheck {

	private ReportCrossCheck() {
	}

	/**
	 * The classes whose reports disagree with Maven's output, each with both sides, in report order. Both sides are
	 * summed per class (two modules may hold classes of the same name); a look-alike line printed beside Maven's
	 * can only add to Maven's side, never hide a failure a rewritten report removed.
	 */
	public static List<String> disagreements(List<ReportedTest> reported, List<BuildLog.ClassResult> printed) {
		Map<String, BuildLog.ClassResult> fromReports = new LinkedHashMap<>();
		for (ReportedTest test : reported) {
			add(fromReports, new BuildLog.ClassResult(test.className(), 1, test.outcome() == TestOutcome.FAILED ? 1 : 0,
					test.outcome() == TestOutcome.ERROR ? 1 : 0, test.outcome() == TestOutcome.SKIPPED ? 1 : 0));
		}
		Map<String, BuildLog.ClassResult> fromMaven = new LinkedHashMap<>();
		printed.forEach((line) -> add(fromMaven, line));
		List<String> disagreements = new ArrayList<>();
		for (BuildLog.ClassResult report : fromReports.values()) {
			BuildLog.ClassResult maven = fromMaven.get(report.className());
			if (maven == null) {
				disagreements.add(simpleName(report.className()) + " has a report but Maven never ran it");
			}
			else if (!maven.equals(report)) {
				disagreements.add(simpleName(report.className()) + ": the report says " + describe(report)
						+ ", Maven said " + describe(maven));
			}
		}
		return disagreements;
	}

	private static void add(Map<String, BuildLog.ClassResult> sums, BuildLog.ClassResult counts) {
		BuildLog.ClassResult sum = sums.get(counts.className());
		sums.put(counts.className(), (sum == null) ? counts
				: new BuildLog.ClassResult(counts.className(), sum.run() + counts.run(),
						sum.failures() + counts.failures(), sum.errors() + counts.errors(),
						sum.skipped() + counts.skipped()));
	}

	private static String describe(BuildLog.ClassResult counts) {
		return counts.run() + " run, " + counts.failures() + " failed, " + counts.errors() + " errors, "
				+ counts.skipped() + " skipped";
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
