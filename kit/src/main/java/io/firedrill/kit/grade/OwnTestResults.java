package io.firedrill.kit.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.run.BuildLog;
import io.firedrill.kit.grade.run.ReportCrossCheck;
import io.firedrill.kit.grade.run.ReportedTest;
import io.firedrill.kit.grade.run.SurefireReports;
import io.firedrill.kit.grade.run.TestIds;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.workspace.IncidentBaseline;
import io.firedrill.kit.shop.ShopModules;

/**
 * The candidate's own tests, as the reports of its modules count them, and what the scorecard warns about: visible
 * tests of the incident that did not run, tests skipped, reports that disagree with what Maven printed.
 */
final class OwnTestResults {

	private OwnTestResults() {
	}

	/**
	 * @param shared the modules not rebuilt, whose reports are the shared base's: Maven printed nothing of them
	 * @param candidate the candidate's folder in the workspace
	 * @param visible the incident's visible test classes, by module
	 * @param tag the incident's tag, as the warnings name it
	 * @param candidateLog the candidate's build's output
	 * @param findings where the warnings go
	 */
	static Scorecard.OwnTests read(List<ShopModules.Module> modules, Set<String> shared, Path candidate,
			List<IncidentBaseline.VisibleTest> visible, String tag, BuildLog candidateLog, List<Finding> findings) {
		int run = 0;
		int failures = 0;
		int errors = 0;
		int skipped = 0;
		List<String> skippedTests = new ArrayList<>();
		List<ReportedTest> reported = new ArrayList<>();
		Map<String, Set<String>> classesByModule = new LinkedHashMap<>();
		for (ShopModules.Module module : modules) {
			SurefireReports.Read read = SurefireReports.readModule(candidate.resolve(module.dir()).normalize());
			if (!shared.contains(module.dir())) {
				reported.addAll(read.tests());
			}
			Set<String> classes = classesByModule.computeIfAbsent(module.dir(), (key) -> new TreeSet<>());
			for (ReportedTest test : read.tests()) {
				classes.add(TestIds.topLevel(test.className()));
				run++;
				switch (test.outcome()) {
					case FAILED -> failures++;
					case ERROR -> errors++;
					case SKIPPED -> {
						skipped++;
						skippedTests.add(TestIds.shortId(test.className() + "#" + test.name()));
					}
					case PASSED -> {
					}
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (IncidentBaseline.VisibleTest test : visible) {
			if (!classesByModule.getOrDefault(test.module(), Set.of()).contains(test.className())) {
				missing.add(test.className());
			}
		}
		if (!missing.isEmpty()) {
			findings.add(Finding.warning("visible-test-not-run", missing.size() + " visible test "
					+ (missing.size() == 1 ? "class" : "classes") + " of " + tag
					+ " did not run (deleted, renamed, excluded or not built): " + RunFindings.list(missing)));
		}
		if (!skippedTests.isEmpty()) {
			findings.add(Finding.warning("own-tests-skipped", skippedTests.size() + " of the candidate's own tests "
					+ (skippedTests.size() == 1 ? "was" : "were") + " skipped: " + RunFindings.list(skippedTests)));
		}
		// the candidate's own reports and console are both the candidate's to write: a disagreement is only worth a look
		List<String> disagreements = ReportCrossCheck.disagreements(reported, candidateLog.classResults());
		if (!disagreements.isEmpty()) {
			findings.add(Finding.warning("own-test-reports-disagree", "the reports of the candidate's own tests say"
					+ " something else than Maven printed while they ran (" + RunFindings.list(disagreements)
					+ "): the own-tests line counts the reports"));
		}
		return new Scorecard.OwnTests(true, run, failures + errors, errors, skipped, missing, skippedTests);
	}

}
