"""Role-play sessions: start, talk to the buyer, end and get scored."""
