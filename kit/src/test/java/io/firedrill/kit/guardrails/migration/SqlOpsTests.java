package io.firedrill.kit.guardrails.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SqlOpsTests {

	@Test
	void readsTheStatementsMigrationsAreMadeOf() {
		List<SchemaOp> ops = SqlOps.parse("""
				-- expand
				CREATE TABLE coupons (code varchar(32) PRIMARY KEY, percent int NOT NULL, meta json);
				ALTER TABLE orders ADD COLUMN channel varchar(16) NOT NULL DEFAULT 'web', ALTER COLUMN note SET NOT NULL;
				ALTER TABLE "public"."orders" ALTER COLUMN status TYPE varchar(8) USING status::varchar(8);
				ALTER TABLE orders ADD CONSTRAINT ck CHECK (note IS NOT NULL) NOT VALID;
				ALTER TABLE orders VALIDATE CONSTRAINT ck;
				CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_channel ON orders (channel);
				UPDATE orders SET channel = 'web', note = '' WHERE note IS NULL;
				ALTER TABLE orders RENAME COLUMN note TO remark;
				ALTER TABLE orders DROP COLUMN legacy_flag;
				/* contract */ DROP TABLE IF EXISTS old_orders;
				""");

		assertThat(ops).containsExactly(
				new SchemaOp.CreateTable("coupons", List.of(new SchemaOp.Column("code", "varchar(32)", false, false),
						new SchemaOp.Column("percent", "int", false, false), new SchemaOp.Column("meta", "json", true, false))),
				new SchemaOp.AddColumn("orders", new SchemaOp.Column("channel", "varchar(16)", false, true)),
				new SchemaOp.SetNotNull("orders", "note", false),
				new SchemaOp.ModifyType("orders", "status", "varchar(8)"),
				new SchemaOp.CheckNotNull("orders", "note", "ck", false),
				new SchemaOp.ValidateConstraint("orders", "ck"),
				new SchemaOp.CreateIndex("orders", "ix_orders_channel", true),
				new SchemaOp.Update("orders", Set.of("channel", "note")),
				new SchemaOp.RenameColumn("orders", "note", "remark"),
				new SchemaOp.DropColumn("orders", "legacy_flag"),
				new SchemaOp.DropTable("old_orders"));
	}

	@Test
	void ignoresWhatItDoesNotUnderstand() {
		assertThat(SqlOps.parse("GRANT SELECT ON orders TO analytics; VACUUM orders; SELECT 1")).isEmpty();
	}

}
