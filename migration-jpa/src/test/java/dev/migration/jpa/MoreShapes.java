package dev.migration.jpa;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Named PostgreSQL enums, comments, many-to-many join tables and names the entities choose. */
final class MoreShapes {

	private MoreShapes() {
	}

	enum Genre {
		FICTION, FACT
	}

	@Entity(name = "Author")
	static class Author {

		@Id
		Long id;

	}

	@Entity(name = "Book")
	@Comment("books on the shelf")
	static class Book {

		@Id
		Long id;

		@Enumerated(EnumType.STRING)
		@JdbcTypeCode(SqlTypes.NAMED_ENUM)
		Genre genre;

		@Comment("as printed on the cover")
		@Column(length = 500)
		String title;

		@ManyToMany
		Set<Author> authors;

	}

	@Revision(id = "b1", message = "create author and book")
	static class CreateBooks implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE author (id bigint PRIMARY KEY)", "DROP TABLE author");
			op.execute("CREATE TYPE genre AS ENUM ('FICTION', 'FACT')", "DROP TYPE genre");
			op.execute("CREATE TABLE book (id bigint PRIMARY KEY, genre genre, title varchar(500))", "DROP TABLE book");
			op.execute("COMMENT ON TABLE book IS 'books on the shelf'", "COMMENT ON TABLE book IS NULL");
			op.execute("COMMENT ON COLUMN book.title IS 'as printed on the cover'",
					"COMMENT ON COLUMN book.title IS NULL");
			op.execute("CREATE TABLE book_authors (book_id bigint NOT NULL REFERENCES book, "
					+ "authors_id bigint NOT NULL REFERENCES author, PRIMARY KEY (book_id, authors_id))",
					"DROP TABLE book_authors");
		}

	}

	@Entity(name = "Label")
	@Table(indexes = @Index(name = "ix_label_text", columnList = "text"),
			uniqueConstraints = @UniqueConstraint(name = "uk_label_code", columnNames = "code"))
	static class Label {

		@Id
		Long id;

		String text;

		String code;

	}

	@Revision(id = "l1", message = "create label, its index and unique constraint named otherwise")
	static class CreateLabel implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE label (id bigint PRIMARY KEY, text varchar(255), "
					+ "code varchar(255) CONSTRAINT label_code_unique UNIQUE)", "DROP TABLE label");
			op.execute("CREATE INDEX label_text ON label (text)", "DROP INDEX label_text");
		}

	}

	@Entity(name = "Receipt")
	@Table(schema = "billing", indexes = @Index(columnList = "amount"))
	static class Receipt {

		@Id
		Long id;

		@Column(unique = true)
		String number;

		BigDecimal amount;

	}

	@Revision(id = "r1", message = "create billing.receipt")
	static class CreateReceipt implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE SCHEMA billing", "DROP SCHEMA billing");
			op.execute("CREATE TABLE billing.receipt (id bigint PRIMARY KEY, number varchar(255) UNIQUE, "
					+ "amount numeric(38, 2))", "DROP TABLE billing.receipt");
			op.execute("CREATE INDEX receipt_amount ON billing.receipt (amount)", "DROP INDEX billing.receipt_amount");
		}

	}

}
