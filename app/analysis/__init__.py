"""Turn analysis, pure and deterministic, zh + en.

One analysis serves both the offline buyer (what to react to) and the scorer
(what to reward), so the buyer reacts to exactly the behaviours the rubric
rewards. Import what you need from its modules (conversation, model, text, ...):
this file imports nothing, so reading a type from app.analysis.model does not
compile the lexicon.
"""
