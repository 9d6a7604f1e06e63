package io.firedrill.grading.saferollback250;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Structural: a changeset that ran in production is never edited in place. Compared changeset by
 * changeset (file, id, author) with the changelog as v2.5.0 ran it, so the card names the one that
 * changed. A changeset the candidate removed is not an edit (Liquibase leaves what it ran alone).
 */
class ReleasedChangesetsTests {

    @Test
    void noChangesetThatRanInProductionIsEditedInPlace() throws Exception {
        Map<String, String> released = checksums(ProductionDatabase.released());
        Map<String, String> candidates = checksums(ProductionDatabase.candidates());

        List<String> edited = new ArrayList<>();
        released.forEach((changeSet, checksum) -> {
            String now = candidates.get(changeSet);
            if (now != null && !now.equals(checksum)) {
                edited.add(changeSet);
            }
        });

        assertThat(edited)
                .withFailMessage("changesets that already ran in production were edited in place: %s. Liquibase records a "
                        + "checksum for each changeset it runs and refuses to start when one changes, so the service would "
                        + "not start against the production database; a change to the schema belongs in a new changeset", edited)
                .isEmpty();
    }

    private static Map<String, String> checksums(Path root) throws Exception {
        ResourceAccessor resources = new DirectoryResourceAccessor(root);
        DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance()
                .getParser(ProductionDatabase.CHANGELOG, resources)
                .parse(ProductionDatabase.CHANGELOG, new ChangeLogParameters(), resources);
        Map<String, String> checksums = new LinkedHashMap<>();
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            checksums.put(changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor(),
                    changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
        }
        return checksums;
    }
}
