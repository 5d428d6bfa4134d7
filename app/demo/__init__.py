"""Demo mode's history: simulated trainees play the real buyer, the real scorer scores (app/demo/seed.py)."""
