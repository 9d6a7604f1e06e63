package io.firedrill.grading.nodoublecharge260;

import io.firedrill.grading.support.RunningShop;

/** Runs the candidate's retry job once, the way its schedule and {@code --run-once} do. */
final class Runs {

    private Runs() {
    }

    static void retryOnce(RunningShop job) {
        Object bean = job.bean(ShopDatabase.JOB_CLASS);
        try {
            RunningShop.invoke(bean, "retryFailedPayments");
        } catch (Throwable failure) {
            throw new AssertionError("OrderRetryJob.retryFailedPayments() failed: " + failure, failure);
        }
    }
}
