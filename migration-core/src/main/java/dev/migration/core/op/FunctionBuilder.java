package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.Operations.FunctionSpec;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.QualifiedName;

/** Collects a {@link FunctionSpec} and builds the {@link FunctionDefinition}. */
final class FunctionBuilder implements FunctionSpec {

	private final QualifiedName name;

	private final List<FunctionDefinition.Argument> arguments = new ArrayList<>();

	private ColumnType returns;

	private String language = "plpgsql";

	private String body;

	private FunctionDefinition.Volatility volatility = FunctionDefinition.Volatility.VOLATILE;

	FunctionBuilder(QualifiedName name) {
		this.name = name;
	}

	@Override
	public FunctionSpec argument(String name, ColumnType type) {
		this.arguments.add(new FunctionDefinition.Argument(name, type));
		return this;
	}

	@Override
	public FunctionSpec returns(ColumnType type) {
		this.returns = type;
		return this;
	}

	@Override
	public FunctionSpec returnsTrigger() {
		return returns(FunctionDefinition.TRIGGER);
	}

	@Override
	public FunctionSpec language(String language) {
		this.language = language;
		return this;
	}

	@Override
	public FunctionSpec body(String body) {
		this.body = body;
		return this;
	}

	@Override
	public FunctionSpec stable() {
		this.volatility = FunctionDefinition.Volatility.STABLE;
		return this;
	}

	@Override
	public FunctionSpec immutable() {
		this.volatility = FunctionDefinition.Volatility.IMMUTABLE;
		return this;
	}

	FunctionDefinition build() {
		return new FunctionDefinition(this.name, this.arguments, this.returns, this.language, this.body,
				this.volatility);
	}

}
