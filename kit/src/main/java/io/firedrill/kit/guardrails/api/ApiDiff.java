package io.firedrill.kit.guardrails.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiMethod;
import japicmp.model.JApiParameter;

/** japicmp's comparison of two versions of a library, reduced to its binary-incompatible changes. */
final class ApiDiff {

	private ApiDiff() {
	}

	/**
	 * One binary-incompatible change.
	 * @param owner the class it is in (fully qualified)
	 * @param member the member's name ({@code <init>} for a constructor), or {@code null} for the class itself
	 * @param parameters parameter types of a method or constructor, fully qualified; {@code null} otherwise
	 * @param change japicmp's change type ({@code METHOD_REMOVED})
	 */
	record Break(String owner, String member, List<String> parameters, String change) {

		/** {@code PaymentClient.charge(Amount)}. */
		String shortName() {
			String owner = simple(this.owner);
			if (this.member == null) {
				return owner;
			}
			if (this.parameters == null) {
				return owner + "." + this.member;
			}
			String name = this.member.equals("<init>") ? owner : owner + "." + this.member;
			return name + "(" + String.join(", ", this.parameters.stream().map(ApiDiff::simple).toList()) + ")";
		}

		/** {@code com.acme.payments.PaymentClient.charge(com.acme.payments.Amount)}. */
		String longName() {
			if (this.member == null) {
				return this.owner;
			}
			return this.owner + "." + this.member
					+ ((this.parameters != null) ? "(" + String.join(", ", this.parameters) + ")" : "");
		}

	}

	/**
	 * The changes from {@code oldJar} to {@code newJar} that break code compiled against the old one.
	 * @param sourceOnly receives the number of changes that break only compilation
	 */
	static List<Break> binaryIncompatible(Path oldJar, String oldVersion, Path newJar, String newVersion,
			int[] sourceOnly) {
		JarArchiveComparator comparator = new JarArchiveComparator(new JarArchiveComparatorOptions());
		List<JApiClass> classes = comparator.compare(new JApiCmpArchive(oldJar.toFile(), oldVersion),
				new JApiCmpArchive(newJar.toFile(), newVersion));
		List<Break> breaks = new ArrayList<>();
		for (JApiClass type : classes) {
			String owner = type.getFullyQualifiedName();
			collect(type.getCompatibilityChanges(), owner, null, null, breaks, sourceOnly);
			for (JApiMethod method : type.getMethods()) {
				collect(method.getCompatibilityChanges(), owner, method.getName(), parameters(method), breaks, sourceOnly);
			}
			for (JApiConstructor constructor : type.getConstructors()) {
				collect(constructor.getCompatibilityChanges(), owner, "<init>", parameters(constructor), breaks,
						sourceOnly);
			}
			for (JApiField field : type.getFields()) {
				collect(field.getCompatibilityChanges(), owner, field.getName(), null, breaks, sourceOnly);
			}
		}
		return breaks;
	}

	private static void collect(List<JApiCompatibilityChange> changes, String owner, String member,
			List<String> parameters, List<Break> breaks, int[] sourceOnly) {
		for (JApiCompatibilityChange change : changes) {
			if (!change.isBinaryCompatible()) {
				breaks.add(new Break(owner, member, parameters, change.getType().name()));
			}
			else if (!change.isSourceCompatible() && sourceOnly != null) {
				sourceOnly[0]++;
			}
		}
	}

	private static List<String> parameters(JApiBehavior behavior) {
		return behavior.getParameters().stream().map(JApiParameter::getType).toList();
	}

	static String simple(String name) {
		return name.substring(name.lastIndexOf('.') + 1);
	}

}
