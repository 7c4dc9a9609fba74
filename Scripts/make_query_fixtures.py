"""Builds the query fixtures for Tests/LSDBTests/ExpressionPandasTests.swift.

Writes Tests/LSDBTests/Fixtures/query/table.parquet (300 rows: a row_id column and columns of
several types, with nulls and NaN) and queries.json: for each query string, the row_ids that
pandas' DataFrame.query keeps on pd.read_parquet(path, dtype_backend="pyarrow"), or the error
pandas raises.

Each entry has `expected`: the row_ids our engine must keep, or "error". Usually that is pandas'
answer. Where we deliberately differ (see `oracle` and `note`), the expectation comes from pandas
with numpy-nullable dtypes (for `%`, which pandas does not implement for pyarrow dtypes) or from
the project's contract. Up to 60 random queries from a small grammar follow, kept only where pandas
accepts them (pandas rejects, for one, int8 arithmetic that overflows int8, which we compute in
int64).

Run with the project's venv:  .venv/bin/python Scripts/make_query_fixtures.py
"""
import json
import pathlib

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "LSDBTests" / "Fixtures" / "query"
N = 300


def with_nulls(rng, values, fraction, pa_type):
    mask = rng.random(len(values)) < fraction
    return pa.array(values, type=pa_type, mask=mask)


def build_table():
    rng = np.random.default_rng(20261205)
    f32 = (rng.normal(0, 5, N)).astype(np.float32)
    f32[rng.choice(N, 12, replace=False)] = np.float32(0.1)
    f32[rng.choice(N, 8, replace=False)] = np.float32(2.0)
    f32[rng.choice(N, 6, replace=False)] = np.nan
    f64 = rng.normal(0.5, 3, N)
    f64[rng.choice(N, 10, replace=False)] = np.nan
    f64[rng.choice(N, 3, replace=False)] = np.inf
    f64[rng.choice(N, 3, replace=False)] = -np.inf
    f64[rng.choice(N, 6, replace=False)] = 2.5
    words = np.array(["alpha", "beta", "gamma", "delta", "", "Beta", "\u00e4pfel", "b"], dtype=object)
    columns = {
        "row_id": pa.array(np.arange(N, dtype=np.int64)),
        "i8": with_nulls(rng, rng.integers(-100, 101, N).astype(np.int8), 0.1, pa.int8()),
        "i32": with_nulls(rng, rng.integers(-1000, 1001, N).astype(np.int32), 0.1, pa.int32()),
        "i64": with_nulls(rng, rng.integers(-5, 6, N).astype(np.int64) * 1_000_003, 0.1, pa.int64()),
        "u8": with_nulls(rng, rng.integers(0, 256, N).astype(np.uint8), 0.1, pa.uint8()),
        "f32": with_nulls(rng, f32, 0.1, pa.float32()),
        "f64": with_nulls(rng, f64, 0.1, pa.float64()),
        "s": with_nulls(rng, rng.choice(words, N), 0.15, pa.string()),
        "flag": with_nulls(rng, rng.random(N) < 0.5, 0.2, pa.bool_()),
        "teff_gaia": with_nulls(rng, rng.normal(5800, 900, N), 0.1, pa.float64()),
        "parallax_gaia": with_nulls(rng, rng.normal(1, 2, N), 0.1, pa.float64()),
        "nobs_g_ztf": with_nulls(rng, rng.integers(0, 120, N).astype(np.int32), 0.1, pa.int32()),
        "my col": with_nulls(rng, rng.normal(0, 1, N), 0.1, pa.float64()),
    }
    return pa.table(columns)


# (query, oracle, note). oracle "pandas" unless stated.
QUERIES = [
    ("nobs_g_ztf > 50 and parallax_gaia > 0 and teff_gaia > 5380", "pandas", "the seed notebook's cut"),
    ("5380 < teff_gaia < 7220", "pandas", "chained comparison"),
    ("i8 < i32 < 500", "pandas", "chained comparison with columns"),
    ("0 <= i8 <= i32 < 900", "pandas", "three-way chain"),
    ("i8 > 0 or i32 > 0 and f64 > 0", "pandas", "and binds tighter than or"),
    ("(i8 > 0 or i32 > 0) and f64 > 0", "pandas", "parentheses"),
    ("i8 > 0 & i32 > 0 | f64 > 0", "pandas", "& and | have the precedence of and/or"),
    ("not (f64 > 0)", "pandas", "not drops null rows, keeps NaN"),
    ("~(f64 > 0)", "pandas", "~ as not"),
    ("not f64 > 0", "pandas", "not binds looser than comparison"),
    ("flag", "pandas", "bool column as predicate"),
    ("not flag", "pandas", "Kleene not"),
    ("~flag & i8 > 0", "pandas", "~ binds tighter than &"),
    ("flag and i8 > 0", "pandas", "Kleene and"),
    ("flag or i8 > 0", "pandas", "Kleene or"),
    ("not (flag or i8 > 0)", "pandas", "not over Kleene or"),
    ("flag == True", "pandas", "bool comparison"),
    ("flag != False and flag == 1", "pandas", "bool against int"),
    ("(i8 > 0) == flag", "pandas", "comparing conditions"),
    ("i8 + i32 > 100", "pandas", "int8 + int32"),
    ("i32 * 2 - i8 >= 0", "pandas", "integer arithmetic"),
    ("i32 // 70 == -3", "pandas", "floor division, negative"),
    ("i32 // -7 > 5", "pandas", "floor division by a negative"),
    ("-i32 // 9 < -50", "pandas", "unary minus before //"),
    ("i8 ** 2 > 2500", "pandas", "integer power"),
    ("-i8 ** 2 < -2500", "pandas", "** binds tighter than unary minus"),
    ("2 ** 3 ** 2 == 512 and i8 > 90", "pandas", "** is right-associative; constants"),
    ("f64 ** 2 > 4", "pandas", "float power"),
    ("f64 // 0.5 > 2", "pandas", "float floor division"),
    ("f32 * 2 > 10", "pandas", "float32 arithmetic"),
    ("f32 + i8 > 0", "pandas", "float32 with int"),
    ("i32 + f64 > 0", "pandas", "int with double"),
    ("i32 / 3 > 100.5", "pandas", "true division"),
    ("i32 / i8 > 2", "pandas", "true division by zero gives inf; 0/0 null"),
    ("f64 == f64", "pandas", "NaN is not equal to itself"),
    ("f64 != f64", "pandas", "NaN rows are kept by !="),
    ("f64 - f64 == 0", "pandas", "inf - inf is NaN, which arithmetic turns to null"),
    ("f64 + 0 != f64 + 0", "pandas", "NaN from arithmetic is null"),
    ("f64 > -inf and f64 < inf", "pandas", "inf constant"),
    ("f64 > 1e-3 or f64 < -.5", "pandas", "number forms"),
    ("f32 == 0.1", "pandas", "float32 compared with a double constant"),
    ("f32 in [0.1, 2.0]", "pandas", "isin casts the list to float32"),
    ("u8 > 200", "pandas", "uint8"),
    ("u8 - 250 < 0", "pandas", "uint8 arithmetic goes signed"),
    ("u8 + i8 > 250", "pandas", "uint8 with int8"),
    ("i8 in [1, 2, 3, -5, 7]", "pandas", "in"),
    ("i8 not in [1, 2, 3]", "pandas", "not in keeps null rows"),
    ("i8 == [10, 20, 30]", "pandas", "== with a list means in"),
    ("i64 in [1000003, -2000006] or i8 in (0,)", "pandas", "tuples"),
    ("i8 in [None, 5]", "pandas", "None in the list matches nulls"),
    ("s == 'beta'", "pandas", "string equality"),
    ("s != 'beta'", "pandas", "!= with a string constant keeps nulls (pandas rewrites it to not in)"),
    ("'beta' == s or s == \"\u00e4pfel\"", "pandas", "constant on the left, double quotes, UTF-8"),
    ("s == ''", "pandas", "empty string"),
    ("s > 'b'", "pandas", "byte-wise ordering"),
    ("s <= 'beta'", "pandas", "byte-wise ordering"),
    ("s in ['alpha', 'gamma']", "pandas", "string in"),
    ("s not in ('alpha', 'Beta')", "pandas", "string not in"),
    ("s == s", "pandas", "column with column: null stays null"),
    ("`my col` > 0", "pandas", "backticks"),
    ("`my col` > 0 and `i8` < 0", "pandas", "backticked plain name"),
    ("i8.isna()", "pandas", "isna"),
    ("f64.notna()", "pandas", "NaN is not null"),
    ("s.isna() or flag", "pandas", "isna with Kleene or"),
    ("~f64.isna() and f64 > 1", "pandas", "~ on isna"),
    ("i8 == None or i8 > 50", "pandas", "comparison with None is null"),
    ("i32 > 0 and (f32 > 0 or s == 'alpha')", "pandas", "mixed"),
    ("i32 % 7 == 3", "numpy_nullable", "% is not implemented by pandas for pyarrow dtypes; we follow Python"),
    ("i32 % -7 == -3", "numpy_nullable", "% takes the sign of the divisor"),
    ("f64 % 2.5 < 1", "numpy_nullable", "float %"),
    ("s > 1", "pandas", "comparing a string with a number"),
    ("i8 >", "pandas", "syntax error"),
    ("i8 = 1", "pandas", "assignment"),
    ("(i8 > 0", "pandas", "unclosed parenthesis"),
    ("unknown_col > 1", "pandas", "unknown column"),
    ("i8 == 'a'", "pandas", "number against string"),
    ("i8 in [1, 'a']", "pandas", "mixed list"),
    ("i32 // 0 > 1", "pandas", "integer division by zero"),
    ("i8 ** -1 > 0", "pandas", "negative integer power"),
    ("i32 > 0 and f64", "pandas", "and with a non-boolean"),
    ("f64 + 1", "pandas", "not boolean"),
    ("i8 is None", "pandas", "'is' is not supported"),
]


def random_queries(count):
    """Random queries from a small grammar (seeded), to compare precedence and types broadly."""
    rng = np.random.default_rng(7)
    numeric = ["i8", "i32", "i64", "u8", "f32", "f64", "teff_gaia", "`my col`"]

    def pick(options):
        return options[int(rng.integers(len(options)))]

    def literal():
        r = rng.random()
        if r < 0.5:
            return str(int(rng.integers(-60, 61)))
        if r < 0.8:
            return repr(round(float(rng.normal(0, 30)), 2))
        return pick(["0", "1", "2", "0.5", "1e-3", "-inf"])

    def operand(depth):
        if depth == 0 or rng.random() < 0.4:
            if rng.random() < 0.7:
                return ("-" if rng.random() < 0.1 else "") + pick(numeric)
            return literal()
        op = pick(["+", "-", "*", "/", "//", "**"])
        if op == "**":
            return f"{pick(numeric)} ** {int(rng.integers(0, 3))}"
        left, right = operand(depth - 1), operand(depth - 1)
        return f"({left} {op} {right})" if rng.random() < 0.5 else f"{left} {op} {right}"

    def condition(depth):
        r = rng.random()
        if depth == 0 or r < 0.4:
            kind = rng.random()
            if kind < 0.55:
                return f"{operand(1)} {pick(['<', '<=', '>', '>=', '==', '!='])} {operand(1)}"
            if kind < 0.65:
                return f"{literal()} < {pick(numeric)} <= {operand(1)}"
            if kind < 0.75:
                return pick(["flag", "not flag", "~flag", "flag == False"])
            if kind < 0.85:
                text = pick(["'beta'", "'b'", "''"])
                return f"s {pick(['==', '!=', '<', '>='])} {text}"
            if kind < 0.93:
                values = ", ".join(str(int(v)) for v in rng.integers(-20, 21, 4))
                return f"{pick(['i8', 'i32', 'u8'])} {pick(['in', 'not in'])} [{values}]"
            return f"{pick(numeric + ['s', 'flag'])}.{pick(['isna()', 'notna()'])}"
        if r < 0.7:
            return f"{condition(depth - 1)} {pick(['and', 'or', '&', '|'])} {condition(depth - 1)}"
        if r < 0.85:
            return f"{pick(['not ', '~'])}({condition(depth - 1)})"
        return f"({condition(depth - 1)} or {condition(depth - 1)}) and {condition(depth - 1)}"

    return [condition(3) for _ in range(count)]


def run(df, query):
    try:
        kept = df.query(query)
        return sorted(int(r) for r in kept["row_id"]), None
    except Exception as error:  # noqa: BLE001 - any pandas error counts as a rejection
        return None, f"{type(error).__name__}: {error}".splitlines()[0][:160]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "table.parquet"
    pq.write_table(build_table(), path, compression="snappy")
    df = pd.read_parquet(path, dtype_backend="pyarrow")
    nullable = pd.read_parquet(path, dtype_backend="numpy_nullable")
    entries = []
    for query, oracle, note in QUERIES:
        rows, error = run(df, query)
        if oracle == "pandas":
            expected = rows if error is None else "error"
        elif oracle == "numpy_nullable":
            assert error is not None, f"pandas now accepts {query!r}; drop the special case"
            expected, other_error = run(nullable, query)
            assert other_error is None, other_error
        else:
            expected = "error"
        entries.append({"query": query, "oracle": oracle, "note": note, "pandas_error": error,
                        "expected": expected})
    accepted = 0
    for query in random_queries(90):
        rows, error = run(df, query)
        if error is None and accepted < 60:
            accepted += 1
            entries.append({"query": query, "oracle": "pandas-random", "note": "random query pandas accepts",
                            "pandas_error": None, "expected": rows})
    lines = ",\n ".join(json.dumps(e, ensure_ascii=False) for e in entries)
    (OUT / "queries.json").write_text("[" + lines + "]\n")
    for e in entries:
        shown = e["expected"] if e["expected"] == "error" else f"{len(e['expected'])} rows"
        print(f"{e['query']!r:60} {shown}  {e['pandas_error'] or ''}")


if __name__ == "__main__":
    main()
