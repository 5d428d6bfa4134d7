"""Manager analytics: the trainee x dimension heatmap, trends, score distributions per
scenario, assignment completion, and LLM usage with its cost."""
