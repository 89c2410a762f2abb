"""Default settings of the learning commands, kept apart so the CLI can show them without importing scikit-learn.

Example:
    >>> DEFAULT_THRESHOLD
    0.5
"""

#: Random seed of the solver and of bootstrap resampling.
DEFAULT_SEED = 0
#: Model probability from which a tag counts.
DEFAULT_THRESHOLD = 0.5
#: Bootstrap resamples for agreement confidence intervals.
DEFAULT_BOOTSTRAP = 1000
