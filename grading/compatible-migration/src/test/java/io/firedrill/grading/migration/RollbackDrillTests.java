package io.firedrill.grading.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.firedrill.grading.support.Databases;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rollback drill: a database that already ran v2.4.0's changesets and holds orders with
 * metadata; then the candidate's changelog; then the v2.3.0 code's INSERT, the current code's
 * INSERT, and a check that nothing written before was lost. On H2 and on real PostgreSQL.
 */
class RollbackDrillTests {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void theCandidatesChangelogAppliesToTheProductionDatabase(Databases kind) throws Exception {
        ProductionDatabase production = ProductionDatabase.asAfterTheV240Deploy(kind);

        assertThatCode(production::updateWithTheCandidatesChangelog)
                .withFailMessage(() -> "on " + kind + ", the changelog does not apply to a database that already ran v2.4.0: "
                        + explain(catchIt(production::updateWithTheCandidatesChangelog)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void theV230CodeCanInsertOrdersAgain(Databases kind) throws Exception {
        ProductionDatabase production = migrated(kind);

        Throwable failure = catchIt(() -> production.insertAsV230(123, "99.99"));

        assertThat(failure)
                .withFailMessage("on %s, after the changelog ran, v2.3.0's INSERT INTO orders (customer_id, amount, status) "
                        + "still fails, so a rollback would break every checkout: %s", kind, explain(failure))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void theCurrentCodeCanStillInsertOrdersWithMetadata(Databases kind) throws Exception {
        ProductionDatabase production = migrated(kind);

        Throwable failure = catchIt(() -> production.insertAsV240("{\"channel\":\"android\"}", 301, "15.00"));

        assertThat(failure)
                .withFailMessage("on %s, after the changelog ran, the v2.4.0 code's INSERT with order_metadata fails: %s",
                        kind, explain(failure))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void noOrderAndNoMetadataIsLost(Databases kind) throws Exception {
        ProductionDatabase production = ProductionDatabase.asAfterTheV240Deploy(kind);
        Map<Long, String> before = production.orders();

        applyTheCandidatesChangelog(production, kind);

        assertThat(production.hasColumn("orders", "order_metadata"))
                .withFailMessage("on %s, the order_metadata column is gone: the metadata written since the deploy is lost", kind)
                .isTrue();
        Map<Long, String> after = production.orders();
        assertThat(after)
                .withFailMessage("on %s, orders or their metadata changed when the changelog ran.%nbefore: %s%nafter:  %s",
                        kind, before, after)
                .containsAllEntriesOf(before);
    }

    private static ProductionDatabase migrated(Databases kind) throws Exception {
        ProductionDatabase production = ProductionDatabase.asAfterTheV240Deploy(kind);
        applyTheCandidatesChangelog(production, kind);
        return production;
    }

    private static void applyTheCandidatesChangelog(ProductionDatabase production, Databases kind) {
        try {
            production.updateWithTheCandidatesChangelog();
        } catch (Exception e) {
            throw new AssertionError("on " + kind + ", the changelog does not apply to a database that already ran v2.4.0: "
                    + explain(e), e);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static Throwable catchIt(Step step) {
        try {
            step.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    /** The innermost useful message: a checksum complaint from Liquibase, or the database's own error. */
    static String explain(Throwable failure) {
        if (failure == null) {
            return "no error";
        }
        String all = "";
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all = all + " " + cause.getMessage();
        }
        if (all.contains("checksum") || all.contains("Validation Failed")) {
            return "Liquibase refuses to run: a changeset that already ran in production was edited (checksum mismatch), "
                    + "so the service would not start on any database where v2.4.0 ran";
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
