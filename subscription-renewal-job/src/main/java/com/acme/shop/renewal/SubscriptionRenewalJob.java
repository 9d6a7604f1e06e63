package com.acme.shop.renewal;

import com.acme.payments.Amount;
import com.acme.payments.ChargeResult;
import com.acme.payments.PaymentException;
import com.acme.payments.Payments;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges every active subscription whose next billing period has started, one period per
 * subscription and run.
 *
 * <p>A period is claimed by inserting its {@code subscription_renewals} row before the customer is
 * charged. The table allows one row per subscription and period, so when two runs overlap, or a
 * run is repeated, only one of them gets to charge the period.
 */
@Component
public class SubscriptionRenewalJob {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRenewalJob.class);

    static final String ACTIVE = "active";
    static final String PAST_DUE = "past_due";
    static final String PENDING = "pending";
    static final String PAID = "paid";
    static final String DECLINED = "declined";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Payments payments;
    private final Clock clock;
    private final int batchSize;

    public SubscriptionRenewalJob(JdbcClient jdbc, PlatformTransactionManager transactionManager, Payments payments,
            Clock clock, @Value("${acme.jobs.subscription-renewal.batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.payments = payments;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${acme.jobs.subscription-renewal.cron:0 0 0 * * *}", zone = "${acme.jobs.subscription-renewal.zone:UTC}")
    public RenewalReport renewDueSubscriptions() {
        LocalDate today = LocalDate.now(clock);
        int renewed = 0;
        int declined = 0;
        int skipped = 0;
        int postponed = 0;
        long after = 0;
        List<DueSubscription> due;
        do {
            due = findDue(today, after);
            for (DueSubscription subscription : due) {
                switch (renew(subscription)) {
                    case RENEWED -> renewed++;
                    case DECLINED -> declined++;
                    case SKIPPED -> skipped++;
                    case POSTPONED -> postponed++;
                }
                after = subscription.id();
            }
        } while (due.size() == batchSize);
        log.info("Subscription renewal for {} finished: {} renewed, {} declined, {} skipped, {} postponed",
                today, renewed, declined, skipped, postponed);
        return new RenewalReport(renewed, declined, skipped, postponed);
    }

    /**
     * Charges the customer for the subscription's period starting on {@code periodStart}.
     *
     * @throws PaymentException when the gateway could not process the charge; nothing was taken
     */
    public ChargeResult renewPayment(DueSubscription subscription) {
        return payments.client(String.valueOf(subscription.customerId()),
                        "subscription-" + subscription.id() + "-" + subscription.periodStart())
                .charge(Amount.usd(subscription.amount()));
    }

    /** One page of due subscriptions, by id, so each is looked at once per run however many are due. */
    private List<DueSubscription> findDue(LocalDate today, long after) {
        return jdbc.sql("""
                        SELECT id, customer_id, amount, next_renewal_on AS period_start FROM subscriptions
                        WHERE status = :status AND next_renewal_on <= :today AND id > :after
                        ORDER BY id
                        LIMIT :limit""")
                .param("status", ACTIVE)
                .param("today", today)
                .param("after", after)
                .param("limit", batchSize)
                .query(DueSubscription.class)
                .list();
    }

    private Outcome renew(DueSubscription subscription) {
        Claim claim = claim(subscription);
        if (claim == Claim.NONE) {
            return Outcome.SKIPPED;
        }
        // Only failures that guarantee nothing was charged give the period back. Anything else
        // leaves it pending, and so never charged again, until it is reconciled with the gateway.
        ChargeResult result;
        try {
            result = renewPayment(subscription);
        } catch (PaymentException ex) {
            release(subscription, claim);
            log.warn("Payment gateway unavailable for subscription {}; will retry on the next run", subscription.id(), ex);
            return Outcome.POSTPONED;
        }
        if (result.isApproved()) {
            recordPaid(subscription, result);
            return Outcome.RENEWED;
        }
        recordDeclined(subscription, result);
        log.info("Renewal of subscription {} for {} declined: {}", subscription.id(), subscription.periodStart(),
                result.declineCode());
        return Outcome.DECLINED;
    }

    private Claim claim(DueSubscription subscription) {
        try {
            jdbc.sql("""
                            INSERT INTO subscription_renewals (subscription_id, period_start, status)
                            VALUES (:subscriptionId, :periodStart, :status)""")
                    .param("subscriptionId", subscription.id())
                    .param("periodStart", subscription.periodStart())
                    .param("status", PENDING)
                    .update();
            return Claim.NEW_PERIOD;
        } catch (DuplicateKeyException ex) {
            // The period has a renewal already. A declined one took no money, and as the
            // subscription is active again (the customer settled it), it may be tried once more.
            // Pending or paid ones are another run's, or done.
            return moveRenewal(subscription, DECLINED, PENDING) ? Claim.DECLINED_PERIOD : Claim.NONE;
        }
    }

    private void release(DueSubscription subscription, Claim claim) {
        if (claim == Claim.DECLINED_PERIOD) {
            moveRenewal(subscription, PENDING, DECLINED);
            return;
        }
        jdbc.sql("DELETE FROM subscription_renewals WHERE subscription_id = :subscriptionId AND period_start = :periodStart AND status = :status")
                .param("subscriptionId", subscription.id())
                .param("periodStart", subscription.periodStart())
                .param("status", PENDING)
                .update();
    }

    private void recordPaid(DueSubscription subscription, ChargeResult result) {
        transaction.executeWithoutResult(status -> {
            finishRenewal(subscription, PAID, result.transactionId());
            jdbc.sql("UPDATE subscriptions SET next_renewal_on = :next WHERE id = :id AND next_renewal_on = :periodStart")
                    .param("next", subscription.periodStart().plusMonths(1))
                    .param("id", subscription.id())
                    .param("periodStart", subscription.periodStart())
                    .update();
        });
    }

    private void recordDeclined(DueSubscription subscription, ChargeResult result) {
        transaction.executeWithoutResult(status -> {
            finishRenewal(subscription, DECLINED, result.transactionId());
            jdbc.sql("UPDATE subscriptions SET status = :pastDue WHERE id = :id AND status = :active")
                    .param("pastDue", PAST_DUE)
                    .param("id", subscription.id())
                    .param("active", ACTIVE)
                    .update();
        });
    }

    private void finishRenewal(DueSubscription subscription, String status, String transactionId) {
        jdbc.sql("""
                        UPDATE subscription_renewals SET status = :status, transaction_id = :transactionId
                        WHERE subscription_id = :subscriptionId AND period_start = :periodStart AND status = :pending""")
                .param("status", status)
                .param("transactionId", transactionId)
                .param("subscriptionId", subscription.id())
                .param("periodStart", subscription.periodStart())
                .param("pending", PENDING)
                .update();
    }

    /** Changes the period's renewal status only if it still has the expected one; returns whether it did. */
    private boolean moveRenewal(DueSubscription subscription, String from, String to) {
        return jdbc.sql("""
                        UPDATE subscription_renewals SET status = :to
                        WHERE subscription_id = :subscriptionId AND period_start = :periodStart AND status = :from""")
                .param("to", to)
                .param("subscriptionId", subscription.id())
                .param("periodStart", subscription.periodStart())
                .param("from", from)
                .update() == 1;
    }

    private enum Claim { NEW_PERIOD, DECLINED_PERIOD, NONE }

    private enum Outcome { RENEWED, DECLINED, SKIPPED, POSTPONED }
}
