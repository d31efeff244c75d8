package dev.migration.core.lint.parse;

import java.util.List;

/**
 * What {@link SqlParser} read in one statement: the facts the lock and rewrite rules judge,
 * names as {@link TableName}s and expressions as their SQL text.
 */
public sealed interface ParsedStatement {

	/**
	 * {@code CREATE TABLE}, in any of its forms.
	 *
	 * @param table the table
	 * @param ifNotExists whether it says {@code IF NOT EXISTS}
	 * @param temporary whether it is {@code TEMP}/{@code TEMPORARY}
	 * @param unlogged whether it is {@code UNLOGGED}
	 * @param columns the columns defined, in order
	 * @param constraints the table constraints (inline ones stay with their column)
	 * @param likes the tables copied by {@code LIKE}
	 * @param partitionOf the parent of {@code PARTITION OF}, or {@code null}
	 * @param inherits the parents of {@code INHERITS}
	 * @param partitionBy the {@code PARTITION BY} clause as written, or {@code null}
	 * @param asQuery whether the table is filled from a query ({@code AS SELECT}, {@code AS EXECUTE})
	 */
	record CreateTable(TableName table, boolean ifNotExists, boolean temporary, boolean unlogged, List<Column> columns,
			List<Constraint> constraints, List<TableName> likes, TableName partitionOf, List<TableName> inherits,
			String partitionBy, boolean asQuery) implements ParsedStatement {

		public CreateTable {
			columns = List.copyOf(columns);
			constraints = List.copyOf(constraints);
			likes = List.copyOf(likes);
			inherits = List.copyOf(inherits);
		}

	}

	/**
	 * {@code ALTER TABLE} with its actions, each read: one action not understood makes the whole
	 * statement {@link Unrecognized}.
	 *
	 * @param table the table
	 * @param ifExists whether it says {@code IF EXISTS}
	 * @param only whether it says {@code ONLY} (partitions and children left alone)
	 * @param actions the actions, in order
	 */
	record AlterTable(TableName table, boolean ifExists, boolean only, List<AlterAction> actions)
			implements ParsedStatement {

		public AlterTable {
			actions = List.copyOf(actions);
		}

	}

	/**
	 * {@code CREATE INDEX}.
	 *
	 * @param name the index, or {@code null} when PostgreSQL is left to name it
	 * @param unique whether it is {@code UNIQUE}
	 * @param concurrently whether it is built {@code CONCURRENTLY}
	 * @param ifNotExists whether it says {@code IF NOT EXISTS}
	 * @param only whether it says {@code ON ONLY} (partitions left alone)
	 * @param table the table
	 * @param method the access method of {@code USING}, or {@code null} (btree)
	 * @param keys the keys, in order
	 * @param include the columns of {@code INCLUDE}
	 * @param nullsNotDistinct whether it says {@code NULLS NOT DISTINCT}
	 * @param with the storage parameters of {@code WITH (...)} as written, or {@code null}
	 * @param where the predicate of a partial index, or {@code null}
	 */
	record CreateIndex(String name, boolean unique, boolean concurrently, boolean ifNotExists, boolean only,
			TableName table, String method, List<IndexKey> keys, List<String> include, boolean nullsNotDistinct,
			String with, String where) implements ParsedStatement {

		public CreateIndex {
			keys = List.copyOf(keys);
			include = List.copyOf(include);
		}

	}

	/**
	 * {@code DROP} of any kind of object.
	 *
	 * @param kind the kind in upper case, such as {@code TABLE}, {@code INDEX},
	 * {@code MATERIALIZED VIEW}, {@code FUNCTION}, {@code TRIGGER}
	 * @param names the objects dropped (without a function's arguments)
	 * @param on the table of a trigger, rule or policy, or {@code null}
	 * @param concurrently whether it says {@code CONCURRENTLY}
	 * @param ifExists whether it says {@code IF EXISTS}
	 * @param cascade whether it says {@code CASCADE}
	 */
	record Drop(String kind, List<TableName> names, TableName on, boolean concurrently, boolean ifExists,
			boolean cascade) implements ParsedStatement {

		public Drop {
			names = List.copyOf(names);
		}

	}

	/**
	 * {@code REINDEX}.
	 *
	 * @param concurrently whether it is {@code CONCURRENTLY}
	 * @param kind {@code INDEX}, {@code TABLE}, {@code SCHEMA}, {@code DATABASE} or {@code SYSTEM}
	 * @param name the object, or {@code null} for the current database
	 */
	record Reindex(boolean concurrently, String kind, TableName name) implements ParsedStatement {
	}

	/**
	 * {@code VACUUM}.
	 *
	 * @param full whether it is {@code FULL}, which rewrites under an exclusive lock
	 * @param tables the tables, empty for the whole database
	 */
	record Vacuum(boolean full, List<TableName> tables) implements ParsedStatement {

		public Vacuum {
			tables = List.copyOf(tables);
		}

	}

	/**
	 * {@code CLUSTER}, which rewrites under an exclusive lock.
	 *
	 * @param table the table, or {@code null} for every table clustered before
	 * @param index the index it orders by, or {@code null}
	 */
	record Cluster(TableName table, String index) implements ParsedStatement {
	}

	/**
	 * {@code LOCK TABLE}.
	 *
	 * @param tables the tables
	 * @param mode the lock mode in upper case, {@code ACCESS EXCLUSIVE} when it names none
	 * @param nowait whether it says {@code NOWAIT}
	 */
	record Lock(List<TableName> tables, String mode, boolean nowait) implements ParsedStatement {

		public Lock {
			tables = List.copyOf(tables);
		}

	}

	/**
	 * {@code REFRESH MATERIALIZED VIEW}.
	 *
	 * @param concurrently whether it is {@code CONCURRENTLY}
	 * @param name the view
	 */
	record RefreshMaterializedView(boolean concurrently, TableName name) implements ParsedStatement {
	}

	/**
	 * {@code TRUNCATE}.
	 *
	 * @param tables the tables
	 * @param cascade whether it says {@code CASCADE}
	 */
	record Truncate(List<TableName> tables, boolean cascade) implements ParsedStatement {

		public Truncate {
			tables = List.copyOf(tables);
		}

	}

	/**
	 * {@code ALTER TYPE}.
	 *
	 * @param type the type
	 * @param change what it changes
	 * @param value the enum value added or renamed, or {@code null}
	 * @param newName the new name of a renamed value or type, or {@code null}
	 */
	record AlterType(TableName type, Change change, String value, String newName) implements ParsedStatement {

		/** What an {@code ALTER TYPE} changes. */
		public enum Change {

			/** {@code ADD VALUE}. */
			ADD_VALUE,

			/** {@code RENAME VALUE a TO b}. */
			RENAME_VALUE,

			/** {@code RENAME TO name}. */
			RENAME,

			/** Anything else: owner, schema, attributes. */
			OTHER

		}

	}

	/**
	 * {@code CREATE [CONSTRAINT] TRIGGER}.
	 *
	 * @param name the trigger
	 * @param table the table it fires on
	 * @param function the function it executes
	 */
	record CreateTrigger(String name, TableName table, TableName function) implements ParsedStatement {
	}

	/**
	 * {@code CREATE FUNCTION} or {@code CREATE PROCEDURE}.
	 *
	 * @param name the function
	 * @param procedure whether it is a procedure
	 * @param orReplace whether it says {@code OR REPLACE}
	 * @param volatility its volatility, {@code VOLATILE} when it declares none
	 * @param language its language in lower case, or {@code null} when it names none (a SQL body)
	 * @param body its body: the text of its literal, the statements of {@code BEGIN ATOMIC ... END},
	 * {@code SELECT expr} for {@code RETURN expr}; {@code null} when there is none
	 * @param tables the tables its body changes, found as a {@link DoBlock}'s are
	 */
	record CreateFunction(TableName name, boolean procedure, boolean orReplace, Volatility volatility, String language,
			String body, List<TableName> tables) implements ParsedStatement {

		public CreateFunction {
			tables = List.copyOf(tables);
		}

		/** How a function's result may change for the same arguments. */
		public enum Volatility {

			VOLATILE, STABLE, IMMUTABLE

		}

	}

	/**
	 * {@code INSERT}.
	 *
	 * @param table the table written
	 * @param fromQuery whether the rows come from a query rather than {@code VALUES}
	 * @param tablesRead the tables its queries read, those of its {@code WITH} too (a data-changing
	 * {@code WITH}'s tables included), common table expressions left out
	 */
	record Insert(TableName table, boolean fromQuery, List<TableName> tablesRead) implements ParsedStatement {

		public Insert {
			tablesRead = List.copyOf(tablesRead);
		}

	}

	/**
	 * {@code UPDATE}.
	 *
	 * @param table the table written
	 * @param where its {@code WHERE} condition as written, or {@code null}: every row
	 * @param tablesRead the tables of {@code FROM}, of its subqueries and of its {@code WITH}
	 */
	record Update(TableName table, String where, List<TableName> tablesRead) implements ParsedStatement {

		public Update {
			tablesRead = List.copyOf(tablesRead);
		}

	}

	/**
	 * {@code DELETE}.
	 *
	 * @param table the table written
	 * @param where its {@code WHERE} condition as written, or {@code null}: every row
	 * @param tablesRead the tables of {@code USING}, of its subqueries and of its {@code WITH}
	 */
	record Delete(TableName table, String where, List<TableName> tablesRead) implements ParsedStatement {

		public Delete {
			tablesRead = List.copyOf(tablesRead);
		}

	}

	/**
	 * {@code MERGE}.
	 *
	 * @param table the table written
	 * @param tablesRead the source and the tables of its subqueries
	 */
	record Merge(TableName table, List<TableName> tablesRead) implements ParsedStatement {

		public Merge {
			tablesRead = List.copyOf(tablesRead);
		}

	}

	/**
	 * A query: {@code SELECT}, {@code VALUES}, {@code TABLE}, or a {@code WITH} before one.
	 *
	 * @param tablesRead the tables it reads
	 * @param tablesChanged the tables the data-modifying statements of its {@code WITH} write
	 * ({@code FOR UPDATE} and kin only lock rows, and change none)
	 */
	record Select(List<TableName> tablesRead, List<TableName> tablesChanged) implements ParsedStatement {

		public Select {
			tablesRead = List.copyOf(tablesRead);
			tablesChanged = List.copyOf(tablesChanged);
		}

	}

	/**
	 * {@code COPY}.
	 *
	 * @param table the table, or {@code null} when it copies out a query
	 * @param in whether it loads rows into the table ({@code FROM})
	 * @param where the {@code WHERE} of a {@code COPY FROM}, or {@code null}
	 * @param tablesRead the table copied out, or the tables of the query copied out
	 */
	record Copy(TableName table, boolean in, String where, List<TableName> tablesRead) implements ParsedStatement {

		public Copy {
			tablesRead = List.copyOf(tablesRead);
		}

	}

	/**
	 * {@code DO}: an anonymous block.
	 *
	 * @param language its language in lower case, {@code plpgsql} when it names none
	 * @param tables the tables its body changes, found as best it can be in its text (strings run
	 * by {@code EXECUTE} included): {@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM},
	 * {@code ALTER TABLE}, {@code CREATE INDEX ... ON}, {@code TRUNCATE}, {@code DROP TABLE}
	 */
	record DoBlock(String language, List<TableName> tables) implements ParsedStatement {

		public DoBlock {
			tables = List.copyOf(tables);
		}

	}

	/**
	 * {@code CALL}: runs a procedure, whose body may change anything and commit.
	 *
	 * @param procedure the procedure
	 */
	record Call(TableName procedure) implements ParsedStatement {
	}

	/**
	 * {@code EXPLAIN}: a plan only, unless {@code ANALYZE} runs the statement to time it.
	 *
	 * @param analyze whether it says {@code ANALYZE} (not turned off), so the statement runs, with
	 * its locks and its writes
	 * @param statement the statement explained, {@link Unrecognized} when the parser cannot read it
	 */
	record Explain(boolean analyze, ParsedStatement statement) implements ParsedStatement {
	}

	/**
	 * A statement recognized by its leading words whose inside the rules need not read.
	 *
	 * @param kind its leading words in upper case, such as {@code CREATE VIEW}, {@code GRANT},
	 * {@code COMMENT}, {@code CREATE SEQUENCE}, {@code ALTER SEQUENCE}, {@code SET}
	 */
	record Command(String kind) implements ParsedStatement {
	}

	/**
	 * A statement the parser could not read, never passed over in silence.
	 *
	 * @param reason what it could not read, and where
	 */
	record Unrecognized(String reason) implements ParsedStatement {
	}

}
