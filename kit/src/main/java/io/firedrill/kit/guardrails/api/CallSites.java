package io.firedrill.kit.guardrails.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** Where a module's compiled classes use a member of a library, read from its bytecode with ArchUnit. */
final class CallSites {

	private CallSites() {
	}

	/** {@code OrderRetryJob.chargeOrder() (line 143)} for every use of {@code target} in the module's classes. */
	static List<String> of(Path classes, ApiDiff.Break target) {
		List<String> sites = new ArrayList<>();
		if (!Files.isDirectory(classes)) {
			return sites;
		}
		JavaClasses imported = new ClassFileImporter().importPath(classes);
		for (JavaClass type : imported) {
			for (JavaAccess<?> access : type.getAccessesFromSelf()) {
				if (matches(access, target)) {
					String site = access.getOrigin().getOwner().getSimpleName() + "." + access.getOrigin().getName()
							+ "() (line " + access.getLineNumber() + ")";
					if (!sites.contains(site)) {
						sites.add(site);
					}
				}
			}
		}
		return sites;
	}

	private static boolean matches(JavaAccess<?> access, ApiDiff.Break target) {
		if (!access.getTargetOwner().getName().equals(target.owner())) {
			return false;
		}
		if (target.member() == null) {
			return true;
		}
		if (!access.getName().equals(target.member())) {
			return false;
		}
		if (access instanceof JavaFieldAccess) {
			return target.parameters() == null;
		}
		if (access instanceof JavaCodeUnitAccess<?> call && target.parameters() != null) {
			return call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList()
				.equals(target.parameters());
		}
		return false;
	}

}
