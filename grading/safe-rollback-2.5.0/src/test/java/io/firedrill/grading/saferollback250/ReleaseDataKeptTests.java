package io.firedrill.grading.saferollback250;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.firedrill.grading.support.Databases;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever the candidate did with the code, the database production has now must keep working with
 * it: their changelog applies on top of what ran with v2.5.0, and the donations customers made since
 * the deploy are still there. On H2 and on real PostgreSQL.
 */
class ReleaseDataKeptTests {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void theCandidatesChangelogAppliesToTheProductionDatabase(Databases kind) throws Exception {
        ProductionDatabase production = ProductionDatabase.asAfterTheV250Deploy(kind);

        Throwable failure = Failures.catchIt(production::updateWithTheCandidatesChangelog);

        assertThat(failure)
                .withFailMessage(() -> "on " + kind + ", the changelog does not apply to the database as v2.5.0 left it, "
                        + "so the service would not start in production: " + Failures.explain(failure))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Databases.class)
    void theDonationsRecordedSinceTheDeployAreKept(Databases kind) throws Exception {
        ProductionDatabase production = ProductionDatabase.asAfterTheV250Deploy(kind);
        Map<Long, String> before = production.ordersWithDonations();

        assertThatCode(production::updateWithTheCandidatesChangelog)
                .withFailMessage(() -> "on " + kind + ", the changelog does not apply to the database as v2.5.0 left it: "
                        + Failures.explain(Failures.catchIt(production::updateWithTheCandidatesChangelog)))
                .doesNotThrowAnyException();

        assertThat(production.hasColumn("orders", "donation"))
                .withFailMessage("on %s, the orders.donation column is gone: the donations customers made since the deploy "
                        + "are lost, and the foundation's payouts can no longer be reconciled", kind)
                .isTrue();
        Map<Long, String> after = production.ordersWithDonations();
        assertThat(after)
                .withFailMessage("on %s, orders or their donations changed when the changelog ran.%nbefore: %s%nafter:  %s",
                        kind, before, after)
                .containsAllEntriesOf(before);
    }
}
