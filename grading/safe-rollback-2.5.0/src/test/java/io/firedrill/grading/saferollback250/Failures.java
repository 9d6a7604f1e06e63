package io.firedrill.grading.saferollback250;

/** Turns what went wrong into the one line a scorecard shows. */
final class Failures {

    private Failures() {
    }

    interface Step {
        void run() throws Exception;
    }

    static Throwable catchIt(Step step) {
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
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(' ').append(cause.getMessage());
        }
        if (all.indexOf("checksum") >= 0 || all.indexOf("Validation Failed") >= 0) {
            return "Liquibase refuses to run: a changeset that already ran in production was edited (checksum mismatch)";
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
