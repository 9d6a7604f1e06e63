package io.firedrill.grading.nodoublecharge260;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Structure: the queries of the retry job's own code that pick orders to charge (a {@code SELECT ... FROM orders}
 * with their amount) pick only orders whose payment failed, never {@code pending} ones: a pending order belongs to its checkout, which
 * may be charging it or may have charged it already. Read from the string constants of the compiled classes, so
 * text blocks, constants and helper classes all count.
 */
class ChargedOrdersSelectionTests {

    @Test
    void noQueryOfTheRetryJobSelectsPendingOrdersToCharge() throws Exception {
        List<String> offending = new ArrayList<>();
        for (ClassFile classFile : jobClasses()) {
            for (String constant : classFile.strings()) {
                String sql = constant.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                // the amount is what a query picking orders to charge needs: a query that only finds stale pending
                // orders to hand them to reconciliation (a right fix) selects no amount
                if (sql.contains("select") && sql.contains("from orders") && sql.contains("pending")
                        && sql.contains("amount")) {
                    offending.add(classFile.name() + ": " + constant.replaceAll("\\s+", " ").trim());
                }
            }
        }
        assertThat(offending)
                .withFailMessage("the retry job selects pending orders, whose checkout may be charging them or have "
                        + "charged them already, among the orders it charges: %s", offending)
                .isEmpty();
    }

    record ClassFile(String name, List<String> strings) {
    }

    /** Every class of the module that holds the retry job (its jar, or its classes folder in a build). */
    private static List<ClassFile> jobClasses() throws ClassNotFoundException, URISyntaxException, IOException {
        Class<?> job = Class.forName(ShopDatabase.JOB_CLASS);
        Path location = Path.of(job.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ClassFile> classes = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        classes.add(new ClassFile(location.relativize(file).toString(), utf8Constants(in)));
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.add(new ClassFile(entry.getName(), utf8Constants(in)));
                    }
                }
            }
        }
        assertThat(classes).as("classes of the retry job's module at " + location).isNotEmpty();
        return classes;
    }

    /** The CONSTANT_Utf8 entries of a class file's constant pool (JVMS 4.4). */
    static List<String> utf8Constants(InputStream in) {
        try {
            DataInputStream data = new DataInputStream(in);
            data.readInt(); // magic
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            List<String> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(data.readUTF());
                    case 3, 4 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 15 -> data.skipBytes(3);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
