package dev.migration.core.baseline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArrayCastsTests {

	@Test
	void castsAnArrayOfLiteralsToItsOwnTypeFirst() {
		assertThat(ArrayCasts.keep("CHECK (((status)::text = ANY ((ARRAY['open'::character varying, "
				+ "'paid'::character varying])::text[])))"))
			.isEqualTo("CHECK (((status)::text = ANY (((ARRAY['open'::character varying, "
					+ "'paid'::character varying])::character varying[])::text[])))");
	}

	@Test
	void rewritesEveryArrayOfAnExpression() {
		assertThat(ArrayCasts.keep("(a = ANY ((ARRAY['x'::bpchar])::text[])) OR (b = ANY ((ARRAY['y, z'::bpchar])::text[]))"))
			.isEqualTo("(a = ANY (((ARRAY['x'::bpchar])::bpchar[])::text[])) "
					+ "OR (b = ANY (((ARRAY['y, z'::bpchar])::bpchar[])::text[]))");
	}

	@Test
	void leavesArraysOfOtherElementsAsTheyAre() {
		String mixed = "a = ANY ((ARRAY['x'::character varying, (b)::character varying])::text[])";
		String typed = "a = ANY ((ARRAY['1'::numeric(5,2), '2'::integer])::numeric[])";
		String same = "a = ANY ((ARRAY['x'::text])::text[])";
		assertThat(ArrayCasts.keep(mixed)).isEqualTo(mixed);
		assertThat(ArrayCasts.keep(typed)).isEqualTo(typed);
		assertThat(ArrayCasts.keep(same)).isEqualTo(same);
	}

	@Test
	void leavesQuotedTextAlone() {
		String quoted = "COMMENT ON TABLE t IS 'see (ARRAY[''a''::character varying])::text[]'";
		String identifier = "SELECT \"(ARRAY['a'::x])::text[]\" FROM t";
		assertThat(ArrayCasts.keep(quoted)).isEqualTo(quoted);
		assertThat(ArrayCasts.keep(identifier)).isEqualTo(identifier);
	}

}
