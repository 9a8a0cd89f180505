"""One printer per target language: `TypeExpr` (generator.ir.types) → source text."""
