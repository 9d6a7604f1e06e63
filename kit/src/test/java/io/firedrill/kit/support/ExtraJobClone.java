package io.firedrill.kit.support;

import static io.firedrill.kit.support.CloneFiles.KIT_BLOCK;
import static io.firedrill.kit.support.CloneFiles.commit;
import static io.firedrill.kit.support.CloneFiles.write;
import static io.firedrill.kit.support.GitCli.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A firedrill clone whose tiny shop has a job the kit has never heard of by name, {@value #NEW_JOB}, next to one it
 * has, {@value #KNOWN_JOB}; one incident, {@value #INCIDENT} (PR #950 makes only the new job fail on every run); and
 * a replay story that schedules the known job before the deploy and the new one on each side of it.
 * <p>
 * The shop builds and runs for real in a few seconds without Maven: its {@code mvnw} is its own build (javac and jar
 * over every module its root pom lists), which the kit runs as it runs Maven, as a black box; its
 * {@code deploy/run.sh} is this repository's, the hosts' launcher. The jobs are plain main classes that handle
 * {@code --run-once}, so no Spring Boot starts.
 */
public final class ExtraJobClone {

	public static final String INCIDENT = "loyalty-points";

	/** A job of the real shop, which the kit names in places (its seeds of jobs-on-runtime). */
	public static final String KNOWN_JOB = "order-retry-job";

	/** The job the kit has never heard of: nothing under kit/src/main names it. */
	public static final String NEW_JOB = "loyalty-points-job";

	public static final String NEW_JOB_MAIN = NEW_JOB + "/src/main/java/com/acme/shop/loyalty/Main.java";

	private static final String ROOT_POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0">
			    <modelVersion>4.0.0</modelVersion>
			    <groupId>com.acme.shop</groupId>
			    <artifactId>acme-shop</artifactId>
			    <version>2.3.0</version>
			    <packaging>pom</packaging>
			    <modules>
			        <module>payment-sdk-v3</module>
			        <module>order-retry-job</module>
			        <module>loyalty-points-job</module>
			%s    </modules>
			</project>
			""";

	/**
	 * The shop's build. Every module the root pom lists is compiled (one javac for all: each module has packages of
	 * its own) and jarred as {@code target/<artifactId>-<version>.jar}, or, when it has a {@code Main}, as its
	 * runnable {@code target/<artifactId>-<version>-exec.jar}: what {@code deploy/run.sh} and the replay's build
	 * cache look for. The options Maven would take ({@code -o -B -q package -DskipTests}) are ignored.
	 */
	private static final String BUILD = """
			#!/bin/sh
			set -e
			cd "$(dirname "$0")"
			bin=
			if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then bin="$JAVA_HOME/bin/"; fi
			modules=$(sed -n 's:.*<module>\\(.*\\)</module>.*:\\1:p' pom.xml)
			rm -rf target
			"${bin}javac" -d target/classes $(for m in $modules; do find "$m/src/main/java" -name '*.java'; done)
			for m in $modules; do
			  artifact=$(sed -n 's:.*<artifactId>\\(.*\\)</artifactId>.*:\\1:p' "$m/pom.xml")
			  version=$(sed -n 's:.*<version>\\(.*\\)</version>.*:\\1:p' "$m/pom.xml")
			  packages=$(cd "$m/src/main/java" && find . -name '*.java' -exec dirname {} \\; | sort -u)
			  contents=
			  for p in $packages; do contents="$contents -C target/classes $p"; done
			  rm -rf "$m/target" && mkdir -p "$m/target"
			  main=$(cd "$m/src/main/java" && find . -name Main.java | sed 's:^\\./::; s:\\.java$::; s:/:.:g')
			  if [ -n "$main" ]; then
			    "${bin}jar" --create --file "$m/target/$artifact-$version-exec.jar" --main-class "$main" $contents
			  else
			    "${bin}jar" --create --file "$m/target/$artifact-$version.jar" $contents
			  fi
			done
			""";

	/** The jobs log in the shop's Spring Boot console format, which the replay's reports read. */
	private static final String KNOWN_JOB_MAIN = """
			package com.acme.shop.retry;

			/** Retries the orders whose payment failed; the hosts run one pass with --run-once. */
			public class Main {

			    public static void main(String[] args) {
			        if (!java.util.List.of(args).contains("--run-once")) {
			            throw new IllegalArgumentException("usage: --run-once");
			        }
			        System.out.println(java.time.Instant.now() + "  INFO 1 --- [order-retry-job] [main] com.acme.shop.retry.Main"
			                + " : Order payment retry finished: 0 retried");
			    }
			}
			""";

	private static final String LOYALTY = """
			package com.acme.shop.loyalty;

			/** Awards loyalty points for the day's paid orders; the hosts run one pass with --run-once. */
			public class Main {

			    public static void main(String[] args) {
			        if (!java.util.List.of(args).contains("--run-once")) {
			            throw new IllegalArgumentException("usage: --run-once");
			        }
			        try {
			            int pointsPerDollar = 1;
			            log(" INFO", "Loyalty points pass finished: " + pointsPerDollar + " point per dollar, 0 orders");
			        }
			        catch (RuntimeException ex) {
			            log("ERROR", "Loyalty points pass failed");
			            ex.printStackTrace(System.out);
			            System.exit(1);
			        }
			    }

			    private static void log(String level, String message) {
			        System.out.println(java.time.Instant.now() + " " + level + " 1 --- [loyalty-points-job] [main]"
			                + " com.acme.shop.loyalty.Main : " + message);
			    }
			}
			""";

	/** PR #950: the rate from the host's settings, where the hosts have none, so every run throws. */
	private static final String LOYALTY_BROKEN = LOYALTY.replace("int pointsPerDollar = 1;",
			"int pointsPerDollar = Integer.parseInt(System.getProperty(\"acme.loyalty.points-per-dollar\", \"one\"));");

	/** What jobs-on-runtime creates the jobs' database from: the shop's Liquibase changelog. */
	private static final String CHANGELOG = """
			databaseChangeLog:
			  - changeSet:
			      id: 001-points
			      author: fixture
			      changes:
			        - createTable:
			            tableName: points
			            columns:
			              - column: {name: id, type: BIGINT}
			""";

	/** The catalog's story: each job runs on the running release and on the new one. */
	private static final String STORY = """
			replay:
			  deploy: "2026-11-24 14:00"
			  minutesBefore: 10
			  minutesAfter: 15
			  traffic:
			    seed: 20261124
			    checkoutsPerMinute: 80
			    gatewayLatencyMs: 50
			  seeded:
			    subscriptionsDue: 0
			    decliningCustomers: []
			    interruptedCheckouts: 0
			  jobs:
			    - job: order-retry-job
			      at: ["13:55"]
			      why: "retries the morning's declined orders on the running release"
			    - job: loyalty-points-job
			      at: ["13:57", "14:05"]
			      why: "awards points once on the running release and once on the new one"
			  live:
			    startsMinutesBefore: 5
			    jobs:
			      - job: loyalty-points-job
			        everyMinutes: 10
			        why: "as in the replay"
			""";

	private final Path root;

	private ExtraJobClone(Path root) {
		this.root = root;
	}

	/** Writes the clone in {@code dir/clone} (the incident's patch is made in {@code dir/upstream}). */
	public static ExtraJobClone create(Path dir) {
		try {
			Path upstream = Files.createDirectories(dir.resolve("upstream"));
			Path root = Files.createDirectories(dir.resolve("clone"));
			git(upstream, "init", "-q");
			writeShop(upstream, ROOT_POM.formatted(""));
			git(upstream, "add", "-A");
			commit(upstream, "2026-11-02T09:00:00+00:00", "Release 2.3.0");
			write(upstream, NEW_JOB_MAIN, LOYALTY_BROKEN);
			git(upstream, "add", "-A");
			commit(upstream, "2026-11-20T11:00:00+01:00", "Loyalty points per dollar from the host's settings (#950)");
			String patch = git(upstream, "format-patch", "-1", "--stdout", "HEAD");

			git(root, "init", "-q");
			writeShop(root, ROOT_POM.formatted(KIT_BLOCK));
			write(root, "kit/pom.xml", "<project><artifactId>firedrill-kit</artifactId></project>\n");
			write(root, "kit/src/main/resources/candidate/README.md", "# Acme Shop\n");
			write(root, "incidents/replay.yaml", STORY);
			String incident = "incidents/" + INCIDENT + "/";
			write(root, incident + "incident.yaml", """
					id: loyalty-points
					title: "The loyalty points job fails on every run"
					tag: incident/loyalty-points
					base: v2.3.0
					release: 2.4.0
					releaseTag: false
					timebox: 60m
					criteria: []
					prs:
					  - number: 950
					    title: "Loyalty points per dollar from the host's settings"
					    patch: patches/0001-loyalty-points.patch
					brief: brief.md
					""");
			write(root, incident + "brief.md", "# On-call brief\n\nNobody got loyalty points today.\n");
			write(root, incident + "patches/0001-loyalty-points.patch", patch);
			git(root, "add", "-A");
			commit(root, "2026-11-21T10:00:00+00:00", "firedrill fixture with an extra job");
			return new ExtraJobClone(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The top of the clone's work tree: the CLI's home. */
	public Path root() {
		return this.root;
	}

	private static void writeShop(Path dir, String pom) throws IOException {
		write(dir, "pom.xml", pom);
		write(dir, ".gitignore", "target/\n");
		write(dir, "mvnw", BUILD);
		Files.setPosixFilePermissions(dir.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
		// the kit runs ./mvnw only where the Maven wrapper's folder is, as in every clone
		write(dir, ".mvn/wrapper/maven-wrapper.properties", "distributionType=only-script\n");
		write(dir, "deploy/runtime.properties", "payment-sdk.version=3.1.0\n");
		Path run = dir.resolve("deploy/run.sh");
		Files.copy(Path.of("..", "deploy", "run.sh"), run);
		Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
		write(dir, "payment-sdk-v3/pom.xml", module("payment-sdk", "3.1.0"));
		write(dir, "payment-sdk-v3/src/main/java/com/acme/payments/PaymentClient.java",
				"package com.acme.payments;\n\npublic class PaymentClient {\n}\n");
		write(dir, KNOWN_JOB + "/pom.xml", module(KNOWN_JOB, "2.3.0"));
		write(dir, KNOWN_JOB + "/src/main/java/com/acme/shop/retry/Main.java", KNOWN_JOB_MAIN);
		write(dir, KNOWN_JOB + "/src/main/resources/db/changelog/db.changelog-master.yaml", CHANGELOG);
		write(dir, NEW_JOB + "/pom.xml", module(NEW_JOB, "2.3.0"));
		write(dir, NEW_JOB_MAIN, LOYALTY);
	}

	/** A module's pom, one element a line, which the shop's build reads with sed. */
	private static String module(String artifactId, String version) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				    <modelVersion>4.0.0</modelVersion>
				    <groupId>com.acme.shop</groupId>
				    <artifactId>%s</artifactId>
				    <version>%s</version>
				</project>
				""".formatted(artifactId, version);
	}

}
