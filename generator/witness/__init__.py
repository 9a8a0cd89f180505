"""Witness engine: values that separate two schemas, or that one schema refuses."""
