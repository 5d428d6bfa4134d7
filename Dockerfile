FROM python:3.11-slim
WORKDIR /srv
COPY pyproject.toml README.md ./
COPY app ./app
COPY prompts ./prompts
COPY scenarios ./scenarios
RUN pip install --no-cache-dir . && useradd --create-home coach
USER coach
ENV COACH_HOST=0.0.0.0 PORT=8000 COACH_DATABASE_URL=sqlite+aiosqlite:////home/coach/coach.db
EXPOSE 8000
CMD ["coach", "serve"]
