package io.firedrill.grading.chargecalls;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The compiled classes of every module of the candidate's build, found on disk: a call site moved into a module of
 * the candidate's own (not one of the shop's four) is still read. The payment SDK's own modules are left out: they
 * define the SDK, they are not its callers.
 */
final class CandidateBytecode {

    /** Folders that are never a module of the candidate's: the grader's suites, VCS and tool folders. */
    private static final Set<String> NOT_MODULES = Set.of("grading", ".git", ".mvn", "node_modules", "src");

    private CandidateBytecode() {
    }

    static JavaClasses importAll() {
        return new ClassFileImporter().importPaths(classFolders(candidateDir()));
    }

    static Path candidateDir() {
        return Path.of(System.getProperty("candidate.dir", "candidate")).toAbsolutePath().normalize();
    }

    /** Every {@code <module>/target/classes} below the candidate's root whose module has a pom.xml. */
    static List<Path> classFolders(Path root) {
        List<Path> folders = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), 8, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(root) && NOT_MODULES.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (dir.getFileName().toString().equals("target")) {
                        Path classes = dir.resolve("classes");
                        if (Files.isRegularFile(dir.resolveSibling("pom.xml")) && Files.isDirectory(classes)
                                && !isThePaymentSdk(classes)) {
                            folders.add(classes);
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (folders.isEmpty()) {
            throw new AssertionError("no compiled module found below " + root + ": the candidate's build produced no classes");
        }
        return folders;
    }

    private static boolean isThePaymentSdk(Path classes) {
        return Files.isRegularFile(classes.resolve("com/acme/payments/PaymentClient.class"));
    }
}
