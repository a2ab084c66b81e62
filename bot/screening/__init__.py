"""The non-binding eligibility pre-screening: answers, the rule engine, and its explanation."""
