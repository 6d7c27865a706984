"""The application around the pipeline: config, baselines, batches, atomic output."""
