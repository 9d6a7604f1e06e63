package io.firedrill.kit.support;

import static io.firedrill.kit.support.CloneFiles.KIT_BLOCK;
import static io.firedrill.kit.support.CloneFiles.write;
import static io.firedrill.kit.support.GitCli.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A tiny firedrill clone in a temporary folder: a fake shop with the allowlisted layout and a kit block in its
 * pom, the kit's own files, and an {@code incidents/} catalog whose patches real {@code git format-patch}
 * wrote.
 * <p>
 * Incidents: {@value #UNGATED} (PR #892, two hunks in {@value #CHECKOUT_SERVICE} and a new file),
 * {@value #MIGRATION} (PR #905, a changelog) and {@value #RELEASE} (both, {@code releaseTag: true}).
 */
public final class FakeClone {

	public static final String UNGATED = "ungated-discount";

	public static final String MIGRATION = "not-null-migration";

	public static final String RELEASE = "release-2.4.0";

	public static final String UNGATED_PATCH = "0001-discount-codes-behind-flag.patch";

	public static final String MIGRATION_PATCH = "0001-add-order-metadata.patch";

	public static final String CHECKOUT_SERVICE = "checkout-service/src/main/java/com/acme/shop/checkout/CheckoutService.java";

	public static final String UNGATED_SUBJECT = "Discount codes behind the discount_codes flag: validate the code at"
			+ " checkout for totals over $50";

	public static final String UNGATED_BODY = "Offer the discount input only to users in the discount_codes rollout.\n\n"
			+ "Refs: SHOP-1234";

	public static final String UNGATED_AUTHOR = "Dana Ødegård";

	public static final String MIGRATION_SUBJECT = "Add order_metadata to orders";

	public static final String CANDIDATE_README = "# Acme Shop\n\nRun it: ./mvnw -pl checkout-service spring-boot:run\n";

	public static final String UNCOMMITTED_FILE = "checkout-service/src/main/java/com/acme/shop/checkout/Uncommitted.java";

	/** What to vary from the healthy fixture. */
	public enum Variant {

		/** The catalog as described above. */
		HEALTHY,
		/** The shop's {@value #CHECKOUT_SERVICE} changed since PR #892 was written: its hunk 2 fails. */
		STALE_SHOP,
		/** No {@code incidents/} at all. */
		NO_CATALOG,
		/** {@code incidents/} only in the work tree, not committed. */
		UNCOMMITTED_CATALOG,
		/** {@code incidents/not-null-migration/incident.yaml} is not valid YAML. */
		CORRUPT_YAML

	}

	private static final String SHOP_POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project>
			    <modelVersion>4.0.0</modelVersion>
			    <groupId>com.acme.shop</groupId>
			    <artifactId>acme-shop</artifactId>
			    <version>2.3.0</version>
			    <packaging>pom</packaging>
			    <modules>
			        <module>payment-sdk-v3</module>
			        <module>checkout-service</module>
			%s    </modules>
			</project>
			""";

	private static final String CHECKOUT = """
			package com.acme.shop.checkout;

			import com.acme.payments.Amount;
			import com.acme.payments.PaymentClient;

			public class CheckoutService {

			    private final PaymentClient payments;

			    public CheckoutService(PaymentClient payments) {
			        this.payments = payments;
			    }

			    public CheckoutResult checkout(CheckoutRequest request) {
			        Amount total = request.total();
			        validate(request);
			        return charge(total);
			    }

			    private void validate(CheckoutRequest request) {
			        if (request.items().isEmpty()) {
			            throw new IllegalArgumentException("empty cart");
			        }
			    }

			    private CheckoutResult charge(Amount total) {
			        payments.charge(total);
			        return CheckoutResult.ok(total);
			    }

			}
			""";

	/** The grading contract of the fixture: one suite with a test, one without tests yet, one composite. */
	public static final String CRITERIA = """
			version: 1
			support: support
			criteria:
			  - id: flag-gated-backend
			    title: "Discount codes are gated on the backend"
			    points: 10
			    module: flag-gated-backend
			    needs: [checkout-service]
			    tests:
			      - io.firedrill.grading.flaggated.FlagGatedBackendTests#checkoutsOfCustomersOutsideTheRolloutNeverFail
			  - id: compatible-migration
			    title: "The schema stays compatible"
			    points: 10
			    module: compatible-migration
			    tests: []
			  - id: release-2.4.0
			    title: "v2.4.1 fixes forward"
			    points: 5
			    composite: [flag-gated-backend, compatible-migration]
			""";

	private static final String CHANGELOG = """
			databaseChangeLog:
			  - include:
			      file: db/changelog/001-orders.yaml
			""";

	private final Path root;

	private final Path shop;

	private FakeClone(Path root, Path shop) {
		this.root = root;
		this.shop = shop;
	}

	public static FakeClone create(Path dir) {
		return create(dir, Variant.HEALTHY);
	}

	/**
	 * Writes the fixture under {@code dir}: the clone in {@code dir/clone}, the repository the patches were
	 * written in in {@code dir/upstream}.
	 */
	public static FakeClone create(Path dir, Variant variant) {
		try {
			Path shop = Files.createDirectories(dir.resolve("upstream"));
			Path root = Files.createDirectories(dir.resolve("clone"));
			FakeClone clone = new FakeClone(root, shop);
			clone.writeUpstream();
			clone.writeClone(variant);
			return clone;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The top of the clone's work tree: the CLI's home. */
	public Path root() {
		return this.root;
	}

	/** A patch file of the catalog. */
	public byte[] patch(String incident, String fileName) {
		try {
			return Files.readAllBytes(this.root.resolve("incidents").resolve(incident).resolve("patches").resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String brief(String incident) {
		return "# On-call brief: " + incident + "\n\nErrors went from 0.1 % to 15 % at 14:15.\n";
	}

	private void writeUpstream() throws IOException {
		git(this.shop, "init", "-q");
		writeShop(this.shop, SHOP_POM.formatted(""));
		git(this.shop, "add", "-A");
		commit(this.shop, "2026-11-02T09:00:00+00:00", "Release 2.3.0");

		write(this.shop, CHECKOUT_SERVICE, CHECKOUT
			.replace("        Amount total = request.total();\n",
					"        Amount total = request.total();\n        Amount discount = discounts.validate(request.discountCode());\n")
			.replace("        payments.charge(total);\n", "        payments.charge(total.minus(discount));\n"));
		write(this.shop, "checkout-service/src/main/java/com/acme/shop/discount/DiscountService.java",
				"package com.acme.shop.discount;\n\npublic class DiscountService {\n}\n");
		git(this.shop, "add", "-A");
		commit(Map.of("GIT_AUTHOR_NAME", UNGATED_AUTHOR, "GIT_AUTHOR_EMAIL", "dana@acme.example"),
				"2026-11-02T13:12:00+01:00", UNGATED_SUBJECT + "\n\n" + UNGATED_BODY + "\n");

		write(this.shop, "checkout-service/src/main/resources/db/changelog/db.changelog-master.yaml",
				CHANGELOG + "  - include:\n      file: db/changelog/002-order-metadata.yaml\n");
		write(this.shop, "checkout-service/src/main/resources/db/changelog/002-order-metadata.yaml",
				"databaseChangeLog:\n  - changeSet:\n      id: 002-order-metadata\n      author: sam\n");
		git(this.shop, "add", "-A");
		commit(Map.of("GIT_AUTHOR_NAME", "Sam Schema", "GIT_AUTHOR_EMAIL", "sam@acme.example"),
				"2026-11-02T13:40:00+01:00", MIGRATION_SUBJECT + "\n");
	}

	private void writeClone(Variant variant) throws IOException {
		git(this.root, "init", "-q");
		writeShop(this.root, SHOP_POM.formatted(KIT_BLOCK));
		if (variant == Variant.STALE_SHOP) {
			write(this.root, CHECKOUT_SERVICE,
					CHECKOUT.replace("        payments.charge(total);\n", "        payments.charge(total, \"checkout\");\n"));
		}
		write(this.root, "README.md", "# firedrill\n\n./firedrill list\n");
		write(this.root, "kit/pom.xml", "<project><artifactId>firedrill-kit</artifactId></project>\n");
		write(this.root, "kit/src/main/resources/candidate/README.md", CANDIDATE_README);
		write(this.root, "firedrill", "#!/usr/bin/env bash\nexec java -jar kit/target/firedrill.jar \"$@\"\n");
		write(this.root, "scenarios.md", "# Interviewer's guide\n");
		write(this.root, ".ci/run", "#!/usr/bin/env bash\n./mvnw -B verify\n");
		write(this.root, "grading/README.md", "# Hidden suites\n");
		write(this.root, "grading/criteria.yaml", CRITERIA);
		if (variant != Variant.NO_CATALOG && variant != Variant.UNCOMMITTED_CATALOG) {
			writeCatalog(variant);
		}
		git(this.root, "add", "-A");
		commit(this.root, "2026-11-20T10:00:00+00:00", "firedrill fixture");
		if (variant == Variant.UNCOMMITTED_CATALOG) {
			writeCatalog(variant);
		}
		// work in progress that must never reach a candidate
		write(this.root, UNCOMMITTED_FILE, "class Uncommitted {}\n");
	}

	private void writeCatalog(Variant variant) throws IOException {
		String ungatedPatch = git(this.shop, "format-patch", "-1", "--stdout", "HEAD~1");
		String migrationPatch = git(this.shop, "format-patch", "-1", "--stdout", "HEAD");
		write(this.root, "incidents/README.md", "# The catalog\n");
		write(this.root, "incidents/" + UNGATED + "/patches/" + UNGATED_PATCH, ungatedPatch);
		write(this.root, "incidents/" + MIGRATION + "/patches/" + MIGRATION_PATCH, migrationPatch);
		write(this.root, "incidents/" + UNGATED + "/incident.yaml", """
				id: ungated-discount
				title: "Checkout errors after enabling discount codes"
				tag: incident/ungated-discount
				base: v2.3.0
				release: 2.4.0
				releaseTag: false
				timebox: 90m
				criteria: [flag-gated-backend]
				prs:
				  - number: 892
				    title: "Discount codes behind the discount_codes flag"
				    patch: patches/%s
				brief: brief.md
				""".formatted(UNGATED_PATCH));
		write(this.root, "incidents/" + MIGRATION + "/incident.yaml", (variant == Variant.CORRUPT_YAML) ? """
				id: not-null-migration
				title: "Rollback fails after the order_metadata migration
				prs: [
				""" : """
				id: not-null-migration
				title: "Rolling back v2.4.0 makes every checkout fail"
				base: v2.3.0
				release: 2.4.0
				timebox: 60m
				criteria: [compatible-migration]
				prs:
				  - number: 905
				    title: "order_metadata on orders"
				    patch: patches/%s
				brief: brief.md
				""".formatted(MIGRATION_PATCH));
		// the catalog's default replay story, as the real catalog has it
		write(this.root, "incidents/replay.yaml", Files.readString(Path.of("..", "incidents", "replay.yaml")));
		write(this.root, "incidents/" + RELEASE + "/incident.yaml", """
				id: release-2.4.0
				title: "Errors 0.1 %% to 15 %% after deploying v2.4.0"
				tag: incident/release-2.4.0
				base: v2.3.0
				release: 2.4.0
				releaseTag: true
				timebox: 3h
				criteria: [flag-gated-backend, compatible-migration, release-2.4.0]
				prs:
				  - number: 892
				    title: "Discount codes behind the discount_codes flag"
				    patch: ../%s/patches/%s
				  - number: 905
				    title: "order_metadata on orders"
				    patch: ../%s/patches/%s
				brief: brief.md
				""".formatted(UNGATED, UNGATED_PATCH, MIGRATION, MIGRATION_PATCH));
		for (String incident : new String[] { UNGATED, MIGRATION, RELEASE }) {
			write(this.root, "incidents/" + incident + "/brief.md", brief(incident));
		}
	}

	private static void writeShop(Path dir, String pom) throws IOException {
		write(dir, "pom.xml", pom);
		write(dir, "mvnw", "#!/bin/sh\necho mvnw \"$@\"\n");
		Files.setPosixFilePermissions(dir.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
		write(dir, "mvnw.cmd", "@echo mvnw\r\n");
		write(dir, ".mvn/wrapper/maven-wrapper.properties", "distributionType=only-script\n");
		write(dir, ".gitignore", "target/\n");
		write(dir, "payment-sdk-v3/pom.xml", "<project><artifactId>payment-sdk</artifactId></project>\n");
		write(dir, "payment-sdk-v3/src/main/java/com/acme/payments/PaymentClient.java",
				"package com.acme.payments;\n\npublic class PaymentClient {\n}\n");
		write(dir, CHECKOUT_SERVICE, CHECKOUT);
		write(dir, "checkout-service/src/main/resources/db/changelog/db.changelog-master.yaml", CHANGELOG);
	}

	private static void commit(Path dir, String date, String message) {
		commit(dir, Map.of(), date, message);
	}

	private void commit(Map<String, String> author, String date, String message) {
		commit(this.shop, author, date, message);
	}

	private static void commit(Path dir, Map<String, String> author, String date, String message) {
		Map<String, String> env = new java.util.HashMap<>(author);
		env.put("GIT_AUTHOR_DATE", date);
		env.put("GIT_COMMITTER_DATE", date);
		git(env, dir, "commit", "-q", "-m", message);
	}

}
