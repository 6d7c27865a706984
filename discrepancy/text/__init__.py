"""Text tools: loading documents and reading words, numbers and units."""
