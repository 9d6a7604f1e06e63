package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.firedrill.kit.grade.workspace.SourceTree;
import io.firedrill.kit.shop.ShopModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedBaseTests {

	static final ShopModules.Module ROOT = module(".", "acme-shop", "pom");

	static final ShopModules.Module SDK = module("payment-sdk-v4", "payment-sdk", "jar");

	static final ShopModules.Module CHECKOUT = module("checkout-service", "checkout-service", "jar");

	static final ShopModules.Module JOB = module("order-retry-job", "order-retry-job", "jar");

	static final List<ShopModules.Module> MODULES = List.of(ROOT, SDK, CHECKOUT, JOB);

	static final Map<String, String> TAG = Map.of(
			"pom.xml", "<project>root</project>",
			"DECISION.md", "",
			"deploy/host-runtime.properties", "payment-sdk.version=4.0.0",
			"payment-sdk-v4/pom.xml", "<artifactId>payment-sdk</artifactId>",
			"payment-sdk-v4/src/main/java/Sdk.java", "class Sdk {}",
			"checkout-service/pom.xml", """
					<project><artifactId>checkout-service</artifactId>
					<dependencies><dependency><artifactId>payment-sdk</artifactId></dependency></dependencies>
					<build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><executions><execution>
					<configuration><classifier>schema</classifier><includes><include>db/**</include></includes>
					</configuration></execution></executions></plugin></plugins></build></project>""",
			"checkout-service/src/main/java/Checkout.java", "class Checkout {}",
			"order-retry-job/pom.xml", """
					<project><artifactId>order-retry-job</artifactId><dependencies><dependency>
					<artifactId>checkout-service</artifactId><classifier>schema</classifier></dependency>
					</dependencies></project>""",
			"order-retry-job/src/main/java/Job.java", "class Job {}",
			"order-retry-job/src/test/java/JobTests.java", "Path runtime = Path.of(\"../deploy/host-runtime.properties\");");

	@TempDir
	Path dir;

	@Test
	void aSubmissionThatChangedOneModuleSharesEveryModuleNotBuiltOnIt() {
		SharedBase base = base();

		assertThat(base.reusable(changed(Map.of("order-retry-job/src/main/java/Job.java", "class Job { int fixed; }")),
				MODULES)).containsExactly("checkout-service", "payment-sdk-v4");
	}

	@Test
	void aChangedModuleTakesTheModulesBuiltOnItDirectlyOrNotWithIt() {
		SharedBase base = base();

		// checkout-service is built on the SDK; the job on checkout-service's schema jar, which a rebuilt module may change
		assertThat(base.reusable(changed(Map.of("payment-sdk-v4/src/main/java/Sdk.java", "class Sdk { int v5; }")),
				MODULES)).isEmpty();
	}

	@Test
	void aModuleThatUsesOnlyAClassifiedJarOfAChangedModuleIsSharedUnlessAChangedFileMayBeInThatJar() {
		SharedBase base = base();

		assertThat(base.reusable(changed(Map.of("checkout-service/src/main/java/Checkout.java", "class Checkout { }; ")),
				MODULES)).containsExactly("order-retry-job", "payment-sdk-v4");
		assertThat(base.reusable(changed(Map.of("checkout-service/src/test/java/NewTests.java", "class NewTests {}")),
				MODULES)).containsExactly("order-retry-job", "payment-sdk-v4");
		assertThat(base.reusable(changed(Map.of("checkout-service/src/main/resources/db/changelog/2.yaml", "x")),
				MODULES)).containsExactly("payment-sdk-v4");
		assertThat(base.reusable(changed(Map.of("checkout-service/src/main/java/db/Migration.java", "class M {}")),
				MODULES)).containsExactly("payment-sdk-v4");
		assertThat(base.reusable(changed(Map.of("checkout-service/build.sh", "echo")), MODULES))
			.containsExactly("payment-sdk-v4");
	}

	@Test
	void filesOutsideTheModulesThatNoModuleNamesMayChangeAndEveryModuleIsStillShared() {
		assertThat(base().reusable(changed(Map.of("DECISION.md", "# Roll back first"), Map.of("NOTES.md", "x"),
				Map.of("brief-assets/error-rate.svg", "<svg/>")), MODULES))
			.containsExactly("checkout-service", "order-retry-job", "payment-sdk-v4");
	}

	@Test
	void aChangedRootPomMavenConfigurationOrFileAModuleNamesOutsideItSharesNothing() {
		SharedBase base = base();

		assertThat(base.reusable(changed(Map.of("pom.xml", "<project>other</project>")), MODULES)).isEmpty();
		assertThat(base.reusable(changed(Map.of(".mvn/maven.config", "-Dx")), MODULES)).isEmpty();
		// JobTests reads ../deploy/host-runtime.properties
		assertThat(base.reusable(changed(Map.of("deploy/host-runtime.properties", "payment-sdk.version=3.2.1")),
				MODULES)).isEmpty();
		assertThat(base.reusable(changed(Map.of("deploy/run.sh", "exec java")), MODULES)).isEmpty();
	}

	@Test
	void aSubmissionWhoseModulesAreNotTheBasesSharesNothing() {
		SharedBase base = base();
		ShopModules.Module renamed = new ShopModules.Module("order-retry-job", "com.acme.shop", "retry-job", "2.4.0",
				"jar", null);

		assertThat(base.reusable(changed(Map.of()), List.of(ROOT, SDK, CHECKOUT))).isEmpty();
		assertThat(base.reusable(changed(Map.of()), List.of(ROOT, SDK, CHECKOUT, renamed))).isEmpty();
	}

	@Test
	void onlyASubmissionThatChangedNoPomCouldBuildTheBase() {
		SourceTree tag = tree(TAG);

		assertThat(SharedBase.couldShare(tag, changed(Map.of("checkout-service/src/main/java/Checkout.java", "x"))))
			.isTrue();
		assertThat(SharedBase.couldShare(tag, changed(Map.of("checkout-service/pom.xml", "<project/>")))).isFalse();
		assertThat(SharedBase.couldShare(tag, changed(Map.of("pom.xml", "<project/>")))).isFalse();
	}

	@Test
	void restoringPutsTheBasesOutputBackAndRemovesWhatTheRunPlanted() throws IOException {
		Path candidate = Files.createDirectories(this.dir.resolve("workspace/candidate"));
		Path classes = Files.createDirectories(candidate.resolve("payment-sdk-v4/target/classes"));
		Files.writeString(classes.resolve("Sdk.class"), "rewritten by the candidate's test");
		Files.writeString(classes.resolve("Planted.class"), "planted");

		List<String> outside = base().restore(Set.of("payment-sdk-v4"), candidate, this.dir.resolve("workspace"), true);

		assertThat(outside).isEmpty();
		assertThat(classes.resolve("Sdk.class")).hasContent("compiled Sdk");
		assertThat(classes.resolve("Planted.class")).doesNotExist();
		assertThat(candidate.resolve("payment-sdk-v4/target/surefire-reports/TEST-SdkTests.xml")).hasContent("<testsuite/>");
	}

	@Test
	void restoringForARunWithoutOwnTestsLeavesOutTheirReports() throws IOException {
		Path candidate = Files.createDirectories(this.dir.resolve("workspace/candidate"));

		base().restore(Set.of("payment-sdk-v4"), candidate, this.dir.resolve("workspace"), false);

		assertThat(candidate.resolve("payment-sdk-v4/target/classes/Sdk.class")).hasContent("compiled Sdk");
		assertThat(candidate.resolve("payment-sdk-v4/target/surefire-reports")).doesNotExist();
	}

	@Test
	void aTargetLinkIsRemovedNotFollowedAndAModuleFolderLinkIsReportedNotWrittenThrough() throws IOException {
		Path workspace = this.dir.resolve("workspace");
		Path candidate = Files.createDirectories(workspace.resolve("candidate"));
		Path elsewhere = Files.createDirectories(this.dir.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("keep.txt"), "not the grader's");
		Files.createDirectories(candidate.resolve("payment-sdk-v4"));
		Files.createSymbolicLink(candidate.resolve("payment-sdk-v4/target"), elsewhere);
		Files.createSymbolicLink(candidate.resolve("checkout-service"), elsewhere);

		List<String> outside = base().restore(Set.of("checkout-service", "payment-sdk-v4"), candidate, workspace, true);

		assertThat(outside).containsExactly("checkout-service");
		assertThat(candidate.resolve("payment-sdk-v4/target")).isDirectory();
		assertThat(candidate.resolve("payment-sdk-v4/target/classes/Sdk.class")).hasContent("compiled Sdk");
		assertThat(elsewhere).isDirectoryContaining((path) -> path.getFileName().toString().equals("keep.txt"));
		assertThat(Files.list(elsewhere).toList()).hasSize(1);
	}

	@Test
	void installingReplacesWhatARepositoryHoldsForTheSharedModules() throws IOException {
		Path repository = this.dir.resolve("repository");
		Path folder = Files.createDirectories(repository.resolve("com/acme/shop/payment-sdk/2.4.0"));
		Files.writeString(folder.resolve("payment-sdk-2.4.0.jar"), "the candidate's own");
		Files.writeString(folder.resolve("extra.jar"), "planted");

		base().install(Set.of("payment-sdk-v4"), repository);

		assertThat(folder.resolve("payment-sdk-2.4.0.jar")).hasContent("sdk jar");
		assertThat(folder.resolve("extra.jar")).doesNotExist();
		assertThat(repository.resolve("com/acme/shop/checkout-service")).doesNotExist();
	}

	@Test
	void aBuildThatDidNotInstallEveryModuleGivesNoBase() throws IOException {
		Path shop = this.dir.resolve("shop");
		Files.createDirectories(shop);
		Files.writeString(shop.resolve("pom.xml"), """
				<project><groupId>com.acme.shop</groupId><artifactId>acme-shop</artifactId><version>2.4.0</version>
				<packaging>pom</packaging><modules><module>payment-sdk-v4</module></modules></project>""");
		Files.createDirectories(shop.resolve("payment-sdk-v4/target/classes"));
		Files.writeString(shop.resolve("payment-sdk-v4/pom.xml"), """
				<project><parent><groupId>com.acme.shop</groupId><artifactId>acme-shop</artifactId>
				<version>2.4.0</version></parent><artifactId>payment-sdk</artifactId></project>""");
		Files.writeString(shop.resolve("payment-sdk-v4/target/classes/Sdk.class"), "compiled");
		Path repository = Files.createDirectories(this.dir.resolve("repository"));

		assertThat(SharedBase.read(tree(TAG), shop, repository)).isEmpty();

		Path installed = Files.createDirectories(repository.resolve("com/acme/shop/payment-sdk/2.4.0"));
		Files.writeString(installed.resolve("payment-sdk-2.4.0.jar"), "jar");
		Optional<SharedBase> base = SharedBase.read(tree(TAG), shop, repository);
		assertThat(base).isPresent();
		assertThat(base.get().modules()).containsExactly("payment-sdk-v4");
	}

	@Test
	void onlyTheFirstSessionClaimsTheBuildOfASlot() {
		SharedBase.Slot slot = new SharedBase.Slot();

		assertThat(slot.claim()).isTrue();
		assertThat(slot.claim()).isFalse();
		assertThat(slot.ready()).isEmpty();
		slot.offer(Optional.empty());
		assertThat(slot.claim()).isFalse();
		assertThat(slot.ready()).isEmpty();
	}

	@Test
	void theBaseIsBuiltAfterTheCandidatesRunUnderWayAndBeforeTheNextOneWhichWaitsForIt() throws Exception {
		SharedBase.Slot slot = new SharedBase.Slot();
		List<String> events = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		Thread candidate = new Thread(() -> slot.whileNoBaseIsBuilt(() -> {
			events.add("candidate's run starts");
			running.countDown();
			await(finish);
			events.add("candidate's run ends");
			return null;
		}));
		candidate.start();
		running.await();
		assertThat(slot.claim()).isTrue();
		Thread builder = new Thread(() -> slot.build(() -> {
			events.add("base built");
			return Optional.of(base());
		}));
		builder.start();
		waitUntilBlocked(builder);
		Thread next = new Thread(() -> slot.whileNoBaseIsBuilt(() -> events.add("next run sees a base: "
				+ slot.ready().isPresent())));
		next.start();
		waitUntilBlocked(next);

		assertThat(events).containsExactly("candidate's run starts");
		finish.countDown();
		candidate.join();
		builder.join();
		next.join();
		assertThat(events).containsExactly("candidate's run starts", "candidate's run ends", "base built",
				"next run sees a base: true");
		assertThat(slot.claim()).isFalse();
	}

	private static void waitUntilBlocked(Thread thread) throws InterruptedException {
		// or ended: a build that did not wait then shows in the order of the events
		while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
			Thread.sleep(10);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static SharedBase base() {
		Map<String, SharedBase.ModuleOutput> modules = new LinkedHashMap<>();
		modules.put(SDK.dir(), new SharedBase.ModuleOutput(SDK,
				Map.of("classes/Sdk.class", bytes("compiled Sdk"), "surefire-reports/TEST-SdkTests.xml",
						bytes("<testsuite/>")),
				Map.of("payment-sdk-2.4.0.jar", bytes("sdk jar"), "payment-sdk-2.4.0.pom", bytes("<project/>"))));
		modules.put(CHECKOUT.dir(), new SharedBase.ModuleOutput(CHECKOUT, Map.of("classes/Checkout.class",
				bytes("compiled Checkout")), Map.of("checkout-service-2.4.0.jar", bytes("checkout jar"))));
		modules.put(JOB.dir(), new SharedBase.ModuleOutput(JOB, Map.of("classes/Job.class", bytes("compiled Job")),
				Map.of("order-retry-job-2.4.0.jar", bytes("job jar"))));
		return new SharedBase(modules, tree(TAG));
	}

	@SafeVarargs
	private static SourceTree changed(Map<String, String>... changes) {
		Map<String, String> files = new LinkedHashMap<>(TAG);
		for (Map<String, String> change : changes) {
			files.putAll(change);
		}
		return tree(files);
	}

	private static SourceTree tree(Map<String, String> files) {
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		files.forEach((path, content) -> bytes.put(path, bytes(content)));
		return SourceTree.of(bytes);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static ShopModules.Module module(String dir, String artifactId, String packaging) {
		return new ShopModules.Module(dir, "com.acme.shop", artifactId, "2.4.0", packaging, null);
	}

}
