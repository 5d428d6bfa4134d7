"""The simulated buyer: a protocol, its state, the offline engine (and the LLM one)."""
