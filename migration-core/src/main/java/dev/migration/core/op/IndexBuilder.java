package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.Operations.IndexSpec;
import dev.migration.core.schema.IndexElement;
import dev.migration.core.schema.QualifiedName;

/** Collects an {@link IndexSpec} and builds the {@link CreateIndex} operation. */
final class IndexBuilder implements IndexSpec {

	private final String name;

	private final QualifiedName table;

	private final List<IndexElement> elements = new ArrayList<>();

	private boolean unique;

	private boolean concurrently;

	private boolean ifNotExists;

	private String method;

	private List<String> include = List.of();

	private String where;

	IndexBuilder(String name, QualifiedName table) {
		this.name = name;
		this.table = table;
	}

	@Override
	public IndexSpec on(String... columns) {
		for (String column : columns) {
			this.elements.add(IndexElement.column(column));
		}
		return this;
	}

	@Override
	public IndexSpec onExpression(String sql) {
		this.elements.add(IndexElement.expression(sql));
		return this;
	}

	@Override
	public IndexSpec key(IndexElement element) {
		this.elements.add(element);
		return this;
	}

	@Override
	public IndexSpec unique() {
		this.unique = true;
		return this;
	}

	@Override
	public IndexSpec concurrently() {
		this.concurrently = true;
		return this;
	}

	@Override
	public IndexSpec ifNotExists() {
		this.ifNotExists = true;
		return this;
	}

	@Override
	public IndexSpec using(String method) {
		this.method = method;
		return this;
	}

	@Override
	public IndexSpec include(String... columns) {
		this.include = List.of(columns);
		return this;
	}

	@Override
	public IndexSpec where(String predicate) {
		this.where = predicate;
		return this;
	}

	CreateIndex build() {
		return new CreateIndex(this.name, this.table, this.elements, this.unique, this.concurrently, this.ifNotExists,
				this.method, this.include, this.where);
	}

}
