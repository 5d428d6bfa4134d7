"""Playing the buyer without people: scripted trainees, probe questions, the realism check and
the buyer evaluation. Above scenarios, buyer and scoring: it uses them, nothing uses it."""
