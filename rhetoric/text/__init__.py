"""Text stage: offline sentence splitting, tokenisation with offsets, and folding for matching."""
